package dev.strata.peers.spring;

import java.time.Instant;

/** A signed-in caller: the session its token names, with the session's account. */
public record Caller(String sessionId, Instant sessionCreatedAt, Instant expiresAt, String accountId, String email,
        String displayName, Instant accountCreatedAt, Instant accountUpdatedAt, long accountVersion) {
}
