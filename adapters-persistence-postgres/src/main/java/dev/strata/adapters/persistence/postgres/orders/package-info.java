/**
 * {@link dev.strata.adapters.persistence.postgres.orders.JdbiOrderStore}: the order store port over
 * JDBI, in the {@code orders} schema; its rows stay package-private.
 */
package dev.strata.adapters.persistence.postgres.orders;
