/**
 * The orders service: orders with items and exact amounts, created idempotently or under a
 * client-assigned id, replaced, paid, shipped or cancelled through a small state machine, and
 * listed with filters and sorts. {@link dev.strata.core.orders.OrderService} is the entry point; it
 * persists through {@link dev.strata.core.orders.store.OrderStore}.
 */
package dev.strata.core.orders;
