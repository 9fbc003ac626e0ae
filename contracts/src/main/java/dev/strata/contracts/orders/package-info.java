/**
 * The orders suites: {@link dev.strata.contracts.orders.OrderStoreContract} (every rule of
 * {@code OrderStore}, listed in {@link dev.strata.contracts.orders.OrderStoreRules}) and
 * {@link dev.strata.contracts.orders.OrderServiceContract} (the real orders service over any store).
 * Extend each with your store.
 */
package dev.strata.contracts.orders;
