/**
 * {@link dev.strata.adapters.persistence.postgres.posts.JdbiPostStore}: the post store port over
 * JDBI, in the {@code posts} schema; its rows, mappers and list SQL stay package-private.
 */
package dev.strata.adapters.persistence.postgres.posts;
