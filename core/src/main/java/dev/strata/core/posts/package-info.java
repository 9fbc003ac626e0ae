/**
 * The posts service: public posts, channels whose posts only members read, membership, search and
 * keyset-paged lists. {@link dev.strata.core.posts.PostService} is the entry point; it persists
 * through {@link dev.strata.core.posts.store.PostStore}.
 */
package dev.strata.core.posts;
