/**
 * The orders service's store port, {@link dev.strata.core.orders.store.OrderStore}, and the records
 * that cross it. Implement the port to keep orders elsewhere; the rules it states are checked by
 * {@code OrderStoreContract} of {@code strata-contracts}.
 */
package dev.strata.core.orders.store;
