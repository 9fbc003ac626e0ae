package dev.strata.app;

import dev.strata.adapters.common.RateLimits;
import dev.strata.adapters.rest.http.TrustedProxies;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the app can be told, from flags or {@code STRATA_*} environment variables (see
 * {@link Main}). An empty database URL means the embedded H2 file database under the data folder.
 * {@code http2} serves HTTP/2 beside HTTP/1.1 on the API port (h2c by prior knowledge, or h2 by ALPN with TLS);
 * {@code grpcPort} serves the gRPC API (0: off); {@code sessionCache} is the verified-session cache
 * on PostgreSQL.
 */
public record Settings(String host, int port, Path dataDirectory, Optional<String> databaseUrl,
        Optional<String> databaseUser, Optional<String> databasePassword, int poolSize, Duration statementTimeout,
        Duration sessionLifetime, Optional<String> tokenKeys, Duration shutdownGrace, long maxBodyBytes,
        int adminPort, Duration readTimeout, Optional<TlsKeystore> tls, Optional<RateLimits> rateLimits,
        List<String> corsOrigins, Optional<URI> publicUrl, TrustedProxies trustedProxies,
        Optional<RateLimitStore> rateLimitStore, Duration shutdownDelay, boolean http2, int grpcPort,
        SessionCacheSettings sessionCache) {

    /**
     * The settings without a public URL, with no trusted proxy (URLs in responses are relative), and
     * with the rate limits' store left to its default for the database, and no shutdown delay.
     */
    public Settings(String host, int port, Path dataDirectory, Optional<String> databaseUrl,
            Optional<String> databaseUser, Optional<String> databasePassword, int poolSize, Duration statementTimeout,
            Duration sessionLifetime, Optional<String> tokenKeys, Duration shutdownGrace, long maxBodyBytes,
            int adminPort, Duration readTimeout, Optional<TlsKeystore> tls, Optional<RateLimits> rateLimits,
            List<String> corsOrigins) {
        this(host, port, dataDirectory, databaseUrl, databaseUser, databasePassword, poolSize, statementTimeout,
                sessionLifetime, tokenKeys, shutdownGrace, maxBodyBytes, adminPort, readTimeout, tls, rateLimits,
                corsOrigins, Optional.empty(), TrustedProxies.NONE, Optional.empty(), Duration.ZERO, true, 0,
                SessionCacheSettings.DEFAULT);
    }

    /** The settings with HTTP/2 on, its default, and the gRPC API off ({@code grpcPort} 0). */
    public Settings(String host, int port, Path dataDirectory, Optional<String> databaseUrl,
            Optional<String> databaseUser, Optional<String> databasePassword, int poolSize, Duration statementTimeout,
            Duration sessionLifetime, Optional<String> tokenKeys, Duration shutdownGrace, long maxBodyBytes,
            int adminPort, Duration readTimeout, Optional<TlsKeystore> tls, Optional<RateLimits> rateLimits,
            List<String> corsOrigins, Optional<URI> publicUrl, TrustedProxies trustedProxies,
            Optional<RateLimitStore> rateLimitStore, Duration shutdownDelay) {
        this(host, port, dataDirectory, databaseUrl, databaseUser, databasePassword, poolSize, statementTimeout,
                sessionLifetime, tokenKeys, shutdownGrace, maxBodyBytes, adminPort, readTimeout, tls, rateLimits,
                corsOrigins, publicUrl, trustedProxies, rateLimitStore, shutdownDelay, true, 0, SessionCacheSettings.DEFAULT);
    }

    /** These settings with HTTP/2 on or off. */
    public Settings withHttp2(boolean enabled) {
        return new Settings(host, port, dataDirectory, databaseUrl, databaseUser, databasePassword, poolSize,
                statementTimeout, sessionLifetime, tokenKeys, shutdownGrace, maxBodyBytes, adminPort, readTimeout, tls,
                rateLimits, corsOrigins, publicUrl, trustedProxies, rateLimitStore, shutdownDelay, enabled, grpcPort,
                sessionCache);
    }

    /** These settings with the rate limits kept in {@code store}. */
    public Settings withRateLimitStore(RateLimitStore store) {
        return new Settings(host, port, dataDirectory, databaseUrl, databaseUser, databasePassword, poolSize,
                statementTimeout, sessionLifetime, tokenKeys, shutdownGrace, maxBodyBytes, adminPort, readTimeout, tls,
                rateLimits, corsOrigins, publicUrl, trustedProxies, Optional.of(store), shutdownDelay, http2, grpcPort,
                sessionCache);
    }

    /** These settings with the gRPC API on {@code port} (0: off). */
    public Settings withGrpcPort(int port) {
        return new Settings(host, this.port, dataDirectory, databaseUrl, databaseUser, databasePassword, poolSize,
                statementTimeout, sessionLifetime, tokenKeys, shutdownGrace, maxBodyBytes, adminPort, readTimeout, tls,
                rateLimits, corsOrigins, publicUrl, trustedProxies, rateLimitStore, shutdownDelay, http2, port,
                sessionCache);
    }

    /** These settings with the verified-session cache set to {@code cache}. */
    public Settings withSessionCache(SessionCacheSettings cache) {
        return new Settings(host, port, dataDirectory, databaseUrl, databaseUser, databasePassword, poolSize,
                statementTimeout, sessionLifetime, tokenKeys, shutdownGrace, maxBodyBytes, adminPort, readTimeout, tls,
                rateLimits, corsOrigins, publicUrl, trustedProxies, rateLimitStore, shutdownDelay, http2, grpcPort, cache);
    }

    public Settings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        Objects.requireNonNull(databaseUser, "databaseUser");
        Objects.requireNonNull(databasePassword, "databasePassword");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        Objects.requireNonNull(sessionLifetime, "sessionLifetime");
        Objects.requireNonNull(tokenKeys, "tokenKeys");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(shutdownDelay, "shutdownDelay");
        if (shutdownDelay.isNegative() || shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("the shutdown delay and grace period cannot be negative");
        }
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(rateLimitStore, "rateLimitStore");
        corsOrigins = List.copyOf(corsOrigins);
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        Objects.requireNonNull(sessionCache, "sessionCache");
        if (adminPort < 0 || adminPort > 65_535) {
            throw new IllegalArgumentException("the admin port must be 0-65535 (0 picks a free one): " + adminPort);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the port must be 0-65535 (0 picks a free one): " + port);
        }
        if (grpcPort < 0 || grpcPort > 65_535) {
            throw new IllegalArgumentException("the gRPC port must be 0-65535 (0 turns gRPC off): " + grpcPort);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("the pool needs at least one connection");
        }
    }

    @Override
    public String toString() {
        return "Settings[host=" + host + ", port=" + port + ", dataDirectory=" + dataDirectory + ", databaseUrl="
                + databaseUrl.orElse("<embedded H2>") + ", poolSize=" + poolSize + ", sessionLifetime="
                + sessionLifetime + ", tokenKeys=" + tokenKeys.map(keys -> "<set>").orElse("<generated>") + ", adminPort="
                + adminPort + ", tls=" + tls.map(TlsKeystore::toString).orElse("<off>") + ", rateLimits="
                + rateLimits.map(RateLimits::toString).orElse("<off>") + ", rateLimitStore="
                + rateLimitStore.map(RateLimitStore::toString).orElse("<default>") + ", corsOrigins=" + corsOrigins
                + ", publicUrl=" + publicUrl.map(URI::toString).orElse("<relative URLs>") + ", trustedProxies="
                + trustedProxies + ", shutdownDelay=" + shutdownDelay + ", http2=" + http2 + ", grpcPort="
                + (grpcPort == 0 ? "<off>" : Integer.toString(grpcPort)) + ", sessionCache=" + sessionCache + "]";
    }
}
