/**
 * {@link dev.strata.adapters.persistence.memory.posts.InMemoryPostStore}: the post store port in
 * memory, thread-safe, with the behaviour the contract suite demands.
 */
package dev.strata.adapters.persistence.memory.posts;
