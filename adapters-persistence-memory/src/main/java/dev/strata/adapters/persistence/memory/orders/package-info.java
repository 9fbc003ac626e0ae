/**
 * {@link dev.strata.adapters.persistence.memory.orders.InMemoryOrderStore}: the order store port in
 * memory, thread-safe, with the behaviour the contract suite demands.
 */
package dev.strata.adapters.persistence.memory.orders;
