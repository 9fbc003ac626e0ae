package dev.strata.core.orders.store;

import dev.strata.core.common.AlreadyExistsException;
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
 *
 * <p>Every implementation must pass {@code OrderStoreContract} from {@code strata-contracts}; each
 * of its tests names the rule below that it checks.
 */
public interface OrderStore {

    /**
     * Inserts an order, following {@link dev.strata.core.common.IdempotentRequest}'s pattern when
     * it has an idempotency key:
     * <ul>
     * <li>the order is stored as given, at version 0, amounts and prices equal in value and scale to
     * what was written;</li>
     * <li>an order whose id exists, whoever owns it, is an AlreadyExistsException with code
     * {@code order_already_exists} and nothing changes;</li>
     * <li>when the owner already has an order under the idempotency key and fingerprint, nothing is
     * inserted and that order is returned, {@link Created#replayed() replayed}; of concurrent inserts
     * under one key, exactly one inserts;</li>
     * <li>the owner's key with another fingerprint is an IdempotencyKeyReusedException and nothing
     * changes;</li>
     * <li>idempotency keys are per owner: another owner's same key inserts a new order.</li>
     * </ul>
     *
     * @param order the order to insert
     * @return the order, and whether it was replayed
     * @throws AlreadyExistsException with code {@code order_already_exists} when an order with the same
     *                           id exists (whoever owns it)
     * @throws dev.strata.core.common.IdempotencyKeyReusedException when the key came with another fingerprint
     */
    Created<OrderRecord> insert(OrderRecord order);

    /**
     * The order with this id, whoever owns it: an order that does not exist is empty, not an error.
     *
     * @param id the order's id
     * @return the order, or empty
     */
    Optional<OrderRecord> find(OrderId id);

    /**
     * One page of the owner's orders that {@code query} selects (see {@link ListQuery}). The fields
     * it may name are those of the orders service's query schema: {@code state}, {@code currency},
     * {@code amount}, {@code created_at}, {@code updated_at} and {@code sku} (an order matches when
     * any of its items has the SKU).
     * <ul>
     * <li>only the owner's orders, only those every filter selects, each operator (eq, ne, in, gt,
     * gte, lt, lte) meaning what it says on every field;</li>
     * <li>in the query's sort, ties broken by id, page after page with no gap or repeat, forward and
     * backward from a keyset cursor or by offset, also while orders are inserted;</li>
     * <li>a page holds at most the limit, and hasMore says whether more orders follow it;</li>
     * <li>listed orders carry all their items.</li>
     * </ul>
     *
     * @param ownerId the owner whose orders to list
     * @param query   filters, sort, page position and limit
     * @return the page
     */
    Page<OrderRecord> list(AccountId ownerId, ListQuery query);

    /**
     * Replaces the order's state with {@code order} if the stored one is still at
     * {@code expectedVersion}:
     * <ul>
     * <li>at the expected version every field given is written (state, items, amount, comment,
     * times, cancellation reason) and the version becomes the expected one plus one;</li>
     * <li>id, owner, creation time and idempotency key stay as stored, and the version is counted by
     * the store whatever the record says;</li>
     * <li>at any other version it is a PreconditionFailedException with code
     * {@code version_mismatch} and nothing changes; of concurrent updates at one version, exactly one
     * succeeds;</li>
     * <li>an order that does not exist is a NotFoundException with code {@code order_not_found}.</li>
     * </ul>
     *
     * @param order           the new state of the order
     * @param expectedVersion the version it was read at
     * @return the order as stored after the update
     * @throws NotFoundException           with code {@code order_not_found} when there is no such order
     * @throws PreconditionFailedException with code {@code version_mismatch} when the version differs
     */
    OrderRecord update(OrderRecord order, long expectedVersion);

    /**
     * Deletes the order if it is still at {@code expectedVersion}:
     * <ul>
     * <li>at the expected version the order is deleted; at any other version it is a
     * PreconditionFailedException with code {@code version_mismatch} and the order stays;</li>
     * <li>an order that does not exist is a NotFoundException with code {@code order_not_found};</li>
     * <li>deleting an order frees the idempotency key it was created with.</li>
     * </ul>
     *
     * @param id              the order's id
     * @param expectedVersion the version it was read at
     * @throws NotFoundException           with code {@code order_not_found} when there is no such order
     * @throws PreconditionFailedException with code {@code version_mismatch} when the version differs
     */
    void delete(OrderId id, long expectedVersion);
}
