package dev.strata.contracts.orders;

import dev.strata.core.orders.store.OrderStore;

/**
 * The rules of {@link OrderStore} that {@link OrderStoreContract} checks, word for word as the port's
 * Javadoc states them, each {@code "OrderStore.method: rule"}. A failing test of the suite names the
 * rule it checks (see {@link dev.strata.contracts.Checks}).
 */
public final class OrderStoreRules {

    /** Rule of {@link OrderStore#insert} and {@link OrderStore#find}. */
    public static final String INSERT =
            "OrderStore.insert: the order is stored as given, at version 0, amounts and prices equal in value and scale to what was written";
    /** Rule of {@link OrderStore#find}. */
    public static final String FIND_MISS =
            "OrderStore.find: an order that does not exist is empty, not an error";
    /** Rule of {@link OrderStore#insert}. */
    public static final String ID_UNIQUE =
            "OrderStore.insert: an order whose id exists, whoever owns it, is an AlreadyExistsException with code order_already_exists and nothing changes";
    /** Rule of {@link OrderStore#insert}, idempotent. */
    public static final String REPLAY =
            "OrderStore.insert: when the owner already has an order under the idempotency key and fingerprint, nothing is inserted and that order is returned, replayed; of concurrent inserts under one key, exactly one inserts";
    /** Rule of {@link OrderStore#insert}, idempotent. */
    public static final String KEY_REUSED =
            "OrderStore.insert: the owner's key with another fingerprint is an IdempotencyKeyReusedException and nothing changes";
    /** Rule of {@link OrderStore#insert}, idempotent. */
    public static final String KEYS_PER_OWNER =
            "OrderStore.insert: idempotency keys are per owner: another owner's same key inserts a new order";
    /** Rule of {@link OrderStore#delete}. */
    public static final String DELETE_FREES_KEY =
            "OrderStore.delete: deleting an order frees the idempotency key it was created with";
    /** Rule of {@link OrderStore#update}. */
    public static final String UPDATE =
            "OrderStore.update: at the expected version every field given is written (state, items, amount, comment, times, cancellation reason) and the version becomes the expected one plus one";
    /** Rule of {@link OrderStore#update}. */
    public static final String UPDATE_KEEPS =
            "OrderStore.update: id, owner, creation time and idempotency key stay as stored, and the version is counted by the store whatever the record says";
    /** Rule of {@link OrderStore#update}. */
    public static final String UPDATE_STALE =
            "OrderStore.update: at any other version it is a PreconditionFailedException with code version_mismatch and nothing changes; of concurrent updates at one version, exactly one succeeds";
    /** Rule of {@link OrderStore#update}. */
    public static final String UPDATE_MISSING =
            "OrderStore.update: an order that does not exist is a NotFoundException with code order_not_found";
    /** Rule of {@link OrderStore#delete}. */
    public static final String DELETE_MISSING =
            "OrderStore.delete: an order that does not exist is a NotFoundException with code order_not_found";
    /** Rule of {@link OrderStore#delete}. */
    public static final String DELETE =
            "OrderStore.delete: at the expected version the order is deleted; at any other version it is a PreconditionFailedException with code version_mismatch and the order stays";
    /** Rule of {@link OrderStore#list}. */
    public static final String LIST_FILTERS =
            "OrderStore.list: only the owner's orders, only those every filter selects, each operator (eq, ne, in, gt, gte, lt, lte) meaning what it says on every field";
    /** Rule of {@link OrderStore#list}. */
    public static final String LIST_SORT =
            "OrderStore.list: in the query's sort, ties broken by id, page after page with no gap or repeat, forward and backward from a keyset cursor or by offset, also while orders are inserted";
    /** Rule of {@link OrderStore#list}. */
    public static final String LIST_LIMIT =
            "OrderStore.list: a page holds at most the limit, and hasMore says whether more orders follow it";
    /** Rule of {@link OrderStore#list}. */
    public static final String LIST_ITEMS =
            "OrderStore.list: listed orders carry all their items";

    private OrderStoreRules() {
    }
}
