package dev.strata.core.orders.store;

import dev.strata.core.common.ConflictException;
import dev.strata.core.common.Created;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.Page;
import dev.strata.core.common.PreconditionFailedException;
import dev.strata.core.common.UnavailableException;
import dev.strata.core.identity.AccountId;
import dev.strata.core.orders.OrderId;
import java.util.Optional;

/**
 * The port through which the orders service keeps orders. Implementations must be thread-safe, and
 * each method is atomic: it takes effect whole or not at all. Any method may throw
 * {@link UnavailableException} when the storage does not answer; nothing has then been changed.
 * Amounts and prices come back equal in value and scale to what was written.
 *
 * <p>Every implementation must pass {@code OrderStoreContract} from {@code strata-contracts}.
 */
public interface OrderStore {

    /**
     * Inserts an order as given, at version 0. With an idempotency key it follows
     * {@link dev.strata.core.common.IdempotentRequest}'s pattern: when the owner already has an
     * order under the key, nothing is inserted and that order is returned,
     * {@link Created#replayed() replayed}, or, if it came with another fingerprint,
     * {@link dev.strata.core.common.IdempotencyKeyReusedException} is thrown; of concurrent
     * inserts under one key, exactly one inserts.
     *
     * @throws ConflictException with code {@code order_already_exists} when an order with the same
     *                           id exists (whoever owns it)
     */
    Created<OrderRecord> insert(OrderRecord order);

    /** The order with this id, whoever owns it, or empty when there is none. */
    Optional<OrderRecord> find(OrderId id);

    /**
     * One page of the owner's orders that {@code query} selects, in its order (see
     * {@link ListQuery}). The fields it may name are those of the orders service's query schema:
     * {@code state}, {@code currency}, {@code amount}, {@code created_at}, {@code updated_at} and
     * {@code sku} (an order matches when any of its items has the SKU).
     */
    Page<OrderRecord> list(AccountId ownerId, ListQuery query);

    /**
     * Replaces the order's state with {@code order} if the stored one is still at
     * {@code expectedVersion}; the version becomes {@code expectedVersion + 1}, whatever
     * {@code order.version()} says. Id, owner, creation time and idempotency are kept.
     *
     * @return the order as stored after the update
     * @throws NotFoundException           with code {@code order_not_found} when there is no such order
     * @throws PreconditionFailedException with code {@code version_mismatch} when the version differs
     */
    OrderRecord update(OrderRecord order, long expectedVersion);

    /**
     * Deletes the order if it is still at {@code expectedVersion}.
     *
     * @throws NotFoundException           with code {@code order_not_found} when there is no such order
     * @throws PreconditionFailedException with code {@code version_mismatch} when the version differs
     */
    void delete(OrderId id, long expectedVersion);
}
