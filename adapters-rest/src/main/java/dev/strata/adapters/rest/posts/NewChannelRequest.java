package dev.strata.adapters.rest.posts;

/** The body of {@code POST /v1/channels}. */
public record NewChannelRequest(String name) {
}
