package dev.strata.bench.peers.quarkus;

/** One link of a representation's {@code _links}. */
public record Link(String href) {
}
