package dev.strata.adapters.rest.posts;

/** The body of {@code POST /v1/posts} and {@code POST /v1/channels/{id}/posts}. */
public record NewPostRequest(String body) {
}
