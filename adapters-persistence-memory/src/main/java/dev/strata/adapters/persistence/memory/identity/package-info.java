/**
 * {@link dev.strata.adapters.persistence.memory.identity.InMemoryIdentityStore}: the identity store
 * port in memory, thread-safe, with the behaviour the contract suite demands.
 */
package dev.strata.adapters.persistence.memory.identity;
