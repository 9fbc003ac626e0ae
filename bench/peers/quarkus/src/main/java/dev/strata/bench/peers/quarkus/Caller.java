package dev.strata.bench.peers.quarkus;

import java.time.Instant;

/**
 * The signed-in caller: a live session and its account, as one row of the view
 * {@code identity.session_accounts} gives them.
 */
public record Caller(String sessionId, Instant sessionCreatedAt, Instant expiresAt, String accountId, String email,
        String displayName, Instant accountCreatedAt, Instant accountUpdatedAt, long accountVersion) {
}
