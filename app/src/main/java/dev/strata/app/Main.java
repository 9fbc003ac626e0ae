package dev.strata.app;

import dev.strata.adapters.common.RateLimits;
import dev.strata.adapters.rest.http.PublicUrls;
import dev.strata.adapters.rest.http.TrustedProxies;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code java -jar strata-app.jar}: reads the settings from flags, falling back to {@code STRATA_*}
 * environment variables and then to defaults, starts the server, and stops it gracefully on
 * SIGTERM or Ctrl-C (a second one ends the shutdown delay early), exiting with status 0 once requests
 * in flight are done.
 */
@Command(name = "strata-app", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, showDefaultValues = true,
        description = "Runs the Strata API server. Every setting can also be given as the environment "
                + "variable named after it.")
public final class Main implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "${env:STRATA_HOST:-0.0.0.0}",
            description = "Address to listen on (STRATA_HOST).")
    String host;

    @Option(names = "--port", defaultValue = "${env:STRATA_PORT:-8080}",
            description = "API port; 0 picks a free one (STRATA_PORT).")
    int port;

    @Option(names = "--grpc-port", defaultValue = "${env:STRATA_GRPC_PORT:-9090}",
            description = "gRPC API port (strata.v1 services, health, reflection); 0 turns gRPC off (STRATA_GRPC_PORT).")
    int grpcPort;

    @Option(names = "--data-dir", defaultValue = "${env:STRATA_DATA_DIR:-data}",
            description = "Folder of the embedded database and the generated token key (STRATA_DATA_DIR).")
    Path dataDirectory;

    @Option(names = "--db-url", defaultValue = "${env:STRATA_DB_URL}",
            description = "JDBC URL of a PostgreSQL database, e.g. jdbc:postgresql://db:5432/strata; "
                    + "unset: embedded H2 in the data folder (STRATA_DB_URL).")
    String databaseUrl;

    @Option(names = "--db-user", defaultValue = "${env:STRATA_DB_USER}", description = "Database user (STRATA_DB_USER).")
    String databaseUser;

    @Option(names = "--db-password", defaultValue = "${env:STRATA_DB_PASSWORD}", showDefaultValue =
            CommandLine.Help.Visibility.NEVER, description = "Database password (STRATA_DB_PASSWORD).")
    String databasePassword;

    @Option(names = "--db-pool-size", defaultValue = "${env:STRATA_DB_POOL_SIZE:-10}",
            description = "Database connections in the pool (STRATA_DB_POOL_SIZE).")
    int poolSize;

    @Option(names = "--db-statement-timeout", defaultValue = "${env:STRATA_DB_STATEMENT_TIMEOUT:-5s}",
            converter = DurationConverter.class,
            description = "Longest a database statement may run (STRATA_DB_STATEMENT_TIMEOUT).")
    Duration statementTimeout;

    @Option(names = "--session-lifetime", defaultValue = "${env:STRATA_SESSION_LIFETIME:-7d}",
            converter = DurationConverter.class,
            description = "How long a session lasts after signing in, e.g. 7d, 12h (STRATA_SESSION_LIFETIME).")
    Duration sessionLifetime;

    @Option(names = "--token-keys", defaultValue = "${env:STRATA_TOKEN_KEYS}", showDefaultValue =
            CommandLine.Help.Visibility.NEVER,
            description = "Token signing keys, id:base64secret[,id:base64secret...], the first signs; unset: "
                    + "one generated and kept in the data folder (STRATA_TOKEN_KEYS).")
    String tokenKeys;

    @Option(names = "--shutdown-grace", defaultValue = "${env:STRATA_SHUTDOWN_GRACE:-10s}",
            converter = DurationConverter.class,
            description = "How long requests in flight may take to finish on shutdown (STRATA_SHUTDOWN_GRACE).")
    Duration shutdownGrace;

    @Option(names = "--shutdown-delay", defaultValue = "${env:STRATA_SHUTDOWN_DELAY:-5s}",
            converter = DurationConverter.class,
            description = "On shutdown, how long the API keeps serving after readiness turns 503, so that load "
                    + "balancers stop routing here; 0 drains at once (STRATA_SHUTDOWN_DELAY).")
    Duration shutdownDelay;

    @Option(names = "--max-body-bytes", defaultValue = "${env:STRATA_MAX_BODY_BYTES:-1048576}",
            description = "Largest request body accepted; larger ones get 413 (STRATA_MAX_BODY_BYTES).")
    long maxBodyBytes;

    @Option(names = "--admin-port", defaultValue = "${env:STRATA_ADMIN_PORT:-8081}",
            description = "Admin port: /metrics, /health/live, /health/ready; 0 picks a free one (STRATA_ADMIN_PORT).")
    int adminPort;

    @Option(names = "--read-timeout", defaultValue = "${env:STRATA_READ_TIMEOUT:-30s}",
            converter = DurationConverter.class,
            description = "How long reading a request body may wait for the client's next bytes (STRATA_READ_TIMEOUT).")
    Duration readTimeout;

    @Option(names = "--tls-keystore", defaultValue = "${env:STRATA_TLS_KEYSTORE}",
            description = "PKCS #12 (or .jks) keystore: when set, the API is served over HTTPS (STRATA_TLS_KEYSTORE).")
    Path tlsKeystore;

    @Option(names = "--tls-keystore-password", defaultValue = "${env:STRATA_TLS_KEYSTORE_PASSWORD}",
            showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "Password of the TLS keystore (STRATA_TLS_KEYSTORE_PASSWORD).")
    String tlsKeystorePassword;

    @Option(names = "--http2", defaultValue = "${env:STRATA_HTTP2:-true}", arity = "1",
            description = "Whether the API port also speaks HTTP/2: h2c by prior knowledge on plain HTTP (an Upgrade offer is answered over HTTP/1.1), "
                    + "h2 by ALPN with TLS; false: HTTP/1.1 only (STRATA_HTTP2).")
    boolean http2;

    @Option(names = "--rate-limit-enabled", defaultValue = "${env:STRATA_RATE_LIMIT_ENABLED:-true}", arity = "1",
            description = "Whether rate limits apply; false for load tests and benchmarks. Sign-in throttling "
                    + "stays on regardless (STRATA_RATE_LIMIT_ENABLED).")
    boolean rateLimitEnabled;

    @Option(names = "--rate-limit-per-minute", defaultValue = "${env:STRATA_RATE_LIMIT_PER_MINUTE:-600}",
            description = "Requests a minute per account, or per client IP before signing in; fleet-wide with "
                    + "the postgres rate-limit store, per instance with local (STRATA_RATE_LIMIT_PER_MINUTE).")
    long rateLimitPerMinute;

    @Option(names = "--rate-limit-sign-ups-per-hour", defaultValue = "${env:STRATA_RATE_LIMIT_SIGN_UPS_PER_HOUR:-20}",
            description = "Sign-ups an hour per client IP; fleet-wide with the postgres rate-limit store "
                    + "(STRATA_RATE_LIMIT_SIGN_UPS_PER_HOUR).")
    long rateLimitSignUpsPerHour;

    @Option(names = "--rate-limit-store", defaultValue = "${env:STRATA_RATE_LIMIT_STORE}",
            description = "Where rate limits are counted: postgres (shared by every instance; the default on "
                    + "PostgreSQL) or local (this instance's memory; the default and only choice on the embedded "
                    + "database) (STRATA_RATE_LIMIT_STORE).")
    RateLimitStore rateLimitStore;

    @Option(names = "--session-cache-ttl", defaultValue = "${env:STRATA_SESSION_CACHE_TTL:-5s}",
            converter = DurationConverter.class,
            description = "On PostgreSQL, how long a verified session may be kept in memory; every instance drops it "
                    + "within a second of a sign-out or an account change, through LISTEN/NOTIFY; 0 turns the cache "
                    + "off (STRATA_SESSION_CACHE_TTL).")
    Duration sessionCacheTtl;

    @Option(names = "--session-cache-listen-url", defaultValue = "${env:STRATA_SESSION_CACHE_LISTEN_URL}",
            description = "JDBC URL the session cache's listener connects to, straight to PostgreSQL (not through a "
                    + "transaction-pooling pgbouncer); unset: the database URL (STRATA_SESSION_CACHE_LISTEN_URL).")
    String sessionCacheListenUrl;

    @Option(names = "--cors-origins", defaultValue = "${env:STRATA_CORS_ORIGINS}", split = ",",
            description = "Origins whose browsers may call the API, comma-separated, e.g. https://app.example.com; "
                    + "unset: none (STRATA_CORS_ORIGINS).")
    List<String> corsOrigins;

    @Option(names = "--public-url", defaultValue = "${env:STRATA_PUBLIC_URL}", converter = PublicUrlConverter.class,
            description = "Where clients reach the API, e.g. https://api.example.com or https://example.com/strata: "
                    + "absolute URLs in responses are built on it, never on the request's Host; unset: relative URLs "
                    + "(STRATA_PUBLIC_URL).")
    URI publicUrl;

    @Option(names = "--trusted-proxies", defaultValue = "${env:STRATA_TRUSTED_PROXIES}", split = ",",
            converter = TrustedProxyConverter.class,
            description = "Addresses or CIDR ranges of reverse proxies whose Forwarded / X-Forwarded-Host / "
                    + "X-Forwarded-Proto headers are believed when no public URL is set; unset: none "
                    + "(STRATA_TRUSTED_PROXIES).")
    List<String> trustedProxies;

    @Option(names = "--log-format", defaultValue = "${env:STRATA_LOG_FORMAT:-text}",
            description = "text, or json for one JSON object per line (STRATA_LOG_FORMAT).")
    LogFormat logFormat;

    /** How log lines are written. */
    enum LogFormat { TEXT, JSON }

    public static void main(String[] args) {
        // Exits explicitly, also with 0, so that no leftover non-daemon thread keeps the JVM up.
        System.exit(new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        // Must happen before the first logger exists; an operator's own -Dlogback.configurationFile wins.
        if (logFormat == LogFormat.JSON && System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        Logging.routeJavaUtilLogging();
        Settings settings = new Settings(host, port, dataDirectory, optional(databaseUrl), optional(databaseUser),
                optional(databasePassword), poolSize, statementTimeout, sessionLifetime, optional(tokenKeys),
                shutdownGrace, maxBodyBytes, adminPort, readTimeout,
                Optional.ofNullable(tlsKeystore).map(file -> new TlsKeystore(file, tlsKeystorePassword == null ? ""
                        : tlsKeystorePassword)),
                rateLimitEnabled ? Optional.of(new RateLimits(new RateLimits.Budget(rateLimitPerMinute, Duration.ofMinutes(1)),
                        new RateLimits.Budget(rateLimitSignUpsPerHour, Duration.ofHours(1)))) : Optional.empty(),
                corsOrigins == null ? List.of() : corsOrigins.stream().map(String::strip)
                        .filter(origin -> !origin.isEmpty()).toList(),
                Optional.ofNullable(publicUrl),
                TrustedProxies.of(trustedProxies == null ? List.of() : trustedProxies.stream().map(String::strip)
                        .filter(proxy -> !proxy.isEmpty()).toList()),
                Optional.ofNullable(rateLimitStore), shutdownDelay, http2, grpcPort,
                new SessionCacheSettings(sessionCacheTtl, optional(sessionCacheListenUrl)));
        StrataServer server;
        try {
            server = StrataServer.start(settings);
        } catch (StartupFailure failure) {
            // A setting to change, not a bug: the line that says which, and no stack trace.
            System.err.println(failure.getMessage());
            return 1;
        }
        CountDownLatch stopRequested = new CountDownLatch(1);
        Signals.onTermination(() -> {
            if (stopRequested.getCount() == 0) {
                // A second signal: the operator does not want to wait for the rest of the delay.
                server.endShutdownDelay();
            }
            stopRequested.countDown();
        });
        // Any other way the JVM ends (System.exit elsewhere, SIGHUP) still drains what it can.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "strata-shutdown"));
        stopRequested.await();
        server.close();
        return 0;
    }

    private static Optional<String> optional(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** Reads {@code 0}, {@code 500ms}, {@code 30s}, {@code 15m}, {@code 12h}, {@code 7d} or ISO-8601 ({@code PT30S}). */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

        @Override
        public Duration convert(String value) {
            String text = value.strip().toLowerCase(Locale.ROOT);
            if (text.equals("0")) {
                return Duration.ZERO;
            }
            try {
                if (text.startsWith("p")) {
                    return Duration.parse(text.toUpperCase(Locale.ROOT));
                }
                if (text.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
                }
                long amount = Long.parseLong(text.substring(0, text.length() - 1));
                return switch (text.charAt(text.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    case 'd' -> Duration.ofDays(amount);
                    default -> throw new CommandLine.TypeConversionException("not a duration: " + value);
                };
            } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
                throw new CommandLine.TypeConversionException(
                        "not a duration: '" + value + "' (use e.g. 500ms, 30s, 15m, 12h, 7d or PT30S)");
            }
        }
    }

    /** Reads {@code STRATA_PUBLIC_URL}, saying what is wrong with a bad one. */
    static final class PublicUrlConverter implements CommandLine.ITypeConverter<URI> {

        @Override
        public URI convert(String value) {
            try {
                return value.isBlank() ? null : PublicUrls.parseBase(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Checks one entry of {@code STRATA_TRUSTED_PROXIES}: an IP address or a CIDR range. */
    static final class TrustedProxyConverter implements CommandLine.ITypeConverter<String> {

        @Override
        public String convert(String value) {
            try {
                TrustedProxies.of(value.isBlank() ? List.of() : List.of(value));
                return value;
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"Strata " + (version == null ? "(development build)" : version)};
        }
    }
}
