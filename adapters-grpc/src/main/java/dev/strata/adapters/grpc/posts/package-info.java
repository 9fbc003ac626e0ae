/** {@code strata.v1.PostService}: posts, channels and members over {@link dev.strata.core.posts.PostService}. */
package dev.strata.adapters.grpc.posts;
