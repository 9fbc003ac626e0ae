/**
 * The posts suites: {@link dev.strata.contracts.posts.PostStoreContract} (every rule of
 * {@code PostStore}, listed in {@link dev.strata.contracts.posts.PostStoreRules}) and
 * {@link dev.strata.contracts.posts.PostServiceContract} (the real posts service over any store),
 * with {@link dev.strata.contracts.posts.PostFixtures}. Extend each with your store.
 */
package dev.strata.contracts.posts;
