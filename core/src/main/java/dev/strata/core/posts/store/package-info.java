/**
 * The posts service's store port, {@link dev.strata.core.posts.store.PostStore}, and the records
 * and filter that cross it. Implement the port to keep posts elsewhere; the rules it states are
 * checked by {@code PostStoreContract} of {@code strata-contracts}.
 */
package dev.strata.core.posts.store;
