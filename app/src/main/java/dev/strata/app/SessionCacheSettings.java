package dev.strata.app;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The verified-session cache's settings: how long a verified session may be kept ({@code 0}: no
 * cache), and where its listener connects when that is not the database URL (a direct URL to
 * PostgreSQL when the pool goes through a transaction-pooling pgbouncer). The cache runs on
 * PostgreSQL only; see {@link SessionCache}.
 *
 * @param timeToLive longest a verified session is kept; zero turns the cache off
 * @param listenUrl  the JDBC URL of the listener's connection, or empty for the database URL
 */
public record SessionCacheSettings(Duration timeToLive, Optional<String> listenUrl) {

    /** Kept at most 5 s; the listener connects where the pool does. */
    public static final SessionCacheSettings DEFAULT = new SessionCacheSettings(Duration.ofSeconds(5), Optional.empty());

    /** No cache: every verification reads the database. */
    public static final SessionCacheSettings OFF = new SessionCacheSettings(Duration.ZERO, Optional.empty());

    public SessionCacheSettings {
        Objects.requireNonNull(timeToLive, "timeToLive");
        Objects.requireNonNull(listenUrl, "listenUrl");
        if (timeToLive.isNegative()) {
            throw new IllegalArgumentException("the session cache's time to live cannot be negative: " + timeToLive);
        }
    }

    /** Whether the cache is on. */
    public boolean enabled() {
        return !timeToLive.isZero();
    }

    @Override
    public String toString() {
        // The listen URL may carry a password: say only whether it is set.
        return enabled() ? "[ttl=" + timeToLive + ", listenUrl=" + listenUrl.map(url -> "<set>").orElse("<db url>") + "]"
                : "<off>";
    }
}
