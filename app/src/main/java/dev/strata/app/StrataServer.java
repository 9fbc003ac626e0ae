package dev.strata.app;

import dev.strata.adapters.common.ApiMetrics;
import dev.strata.adapters.common.RateLimitBuckets;
import dev.strata.adapters.common.RateLimiter;
import dev.strata.adapters.graphql.StrataGraphql;
import dev.strata.adapters.graphql.http.GraphqlHttp;
import dev.strata.adapters.persistence.postgres.DatabaseSettings;
import dev.strata.adapters.persistence.postgres.StrataDatabase;
import dev.strata.adapters.grpc.GrpcApi;
import dev.strata.adapters.rest.StrataApi;
import dev.strata.adapters.rest.grizzly.GrizzlyServers;
import dev.strata.core.identity.IdentityPolicy;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.orders.OrderService;
import dev.strata.core.identity.PasswordHasher;
import dev.strata.core.identity.TokenSigner;
import dev.strata.core.posts.PostService;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.net.BindException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the one place that builds the database, the stores, the services and the
 * API, by hand, and serves the API with Grizzly. Nothing else in Strata knows how the parts are
 * put together.
 */
public final class StrataServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StrataServer.class);

    private static final Duration HOUSEKEEPING_INTERVAL = Duration.ofMinutes(10);
    /** How often the gRPC health service looks at the database, as readiness does on each request. */
    private static final Duration HEALTH_INTERVAL = Duration.ofSeconds(2);

    private final Settings settings;
    private final StrataDatabase database;
    private final HttpServer http;
    private final URI uri;
    private final Metrics metrics;
    private final AdminServer admin;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch delayEnded = new CountDownLatch(1);
    private final ConnectionDrain drain;
    private final ScheduledExecutorService housekeeping;
    private final Optional<GrpcEndpoint> grpc;
    private final SessionCache sessionCache;

    private StrataServer(Settings settings, StrataDatabase database, SessionCache sessionCache, HttpServer http,
            ConnectionDrain drain, Metrics metrics, IdentityService identity, Optional<GrpcEndpoint> grpc) {
        this.settings = settings;
        this.sessionCache = sessionCache;
        this.grpc = grpc;
        this.database = database;
        this.http = http;
        this.drain = drain;
        this.metrics = metrics;
        this.uri = URI.create((settings.tls().isPresent() ? "https://" : "http://") + settings.host() + ":"
                + GrizzlyServers.port(http));
        this.admin = AdminServer.start(settings.host(), settings.adminPort(), metrics::scrape,
                () -> !stopping.get() && database.isReachable());
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("strata-housekeeping").daemon().factory());
        housekeeping.scheduleWithFixedDelay(() -> purge(identity), HOUSEKEEPING_INTERVAL.toSeconds(),
                HOUSEKEEPING_INTERVAL.toSeconds(), TimeUnit.SECONDS);
        grpc.ifPresent(endpoint -> housekeeping.scheduleWithFixedDelay(endpoint::refreshHealth,
                HEALTH_INTERVAL.toMillis(), HEALTH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Deletes expired sessions and stale sign-in failures; a failure is logged and retried next time. */
    private static void purge(IdentityService identity) {
        try {
            int purged = identity.purgeExpired();
            LOG.debug("housekeeping purged {} expired rows", purged);
        } catch (RuntimeException e) {
            LOG.warn("housekeeping failed; it runs again in {}", HOUSEKEEPING_INTERVAL, e);
        }
    }

    /** Opens the database (migrating it), wires everything and starts serving. */
    public static StrataServer start(Settings settings) {
        Clock clock = Clock.systemUTC();
        // Nothing is created (data folder, embedded database, token key) before the ports are known free.
        StartupFailure.requirePortsFree(settings);
        // The GraphQL schema's SDL needs no database: a second core parses it while the database opens.
        CompletableFuture<TypeDefinitionRegistry> graphqlTypes = CompletableFuture.supplyAsync(
                StrataGraphql::parseSchema, task -> Thread.ofPlatform().name("strata-graphql-schema").daemon().start(task));
        Metrics metrics = new Metrics();
        StrataDatabase database = open(settings, metrics);
        database.publishPoolMetrics(metrics.registry());
        database.jdbi().setSqlLogger(new QueryTimer(metrics.registry()));
        SessionCache sessionCache = SessionCache.start(settings, database, clock);
        try {
            IdentityService identity = new IdentityService(sessionCache.store(), clock,
                    new PasswordHasher().observedBy(new PasswordHashTimer(metrics.registry())),
                    new TokenSigner(TokenKeys.load(settings.tokenKeys(), settings.dataDirectory())),
                    IdentityPolicy.DEFAULT.withSessionLifetime(settings.sessionLifetime()));
            PostService posts = new PostService(database.postStore(), identity, clock);
            OrderService orders = new OrderService(database.orderStore(), clock);
            // One per registry, shared by every API style.
            ApiMetrics apiMetrics = new ApiMetrics(metrics.registry());
            StrataApi.Builder builder = StrataApi.builder(identity).bodyLimit(settings.maxBodyBytes())
                    .posts(posts)
                    .orders(orders)
                    .metrics(apiMetrics).corsOrigins(settings.corsOrigins());
            // One set of buckets for every API style: a caller has one budget, whichever it calls.
            Optional<RateLimitBuckets> buckets = settings.rateLimits().map(limits -> RateLimitStore.bucketsFor(settings,
                    database));
            settings.rateLimits().ifPresent(limits -> builder.rateLimits(limits).rateLimitBuckets(buckets.orElseThrow()));
            settings.publicUrl().ifPresent(builder::publicUrl);
            builder.trustedProxies(settings.trustedProxies());
            // GraphQL at /graphql in the same Jersey application, behind the same filters.
            StrataGraphql graphql = StrataGraphql.builder(identity, posts, orders).metrics(apiMetrics)
                    .types(graphqlTypes.join()).build();
            GraphqlHttp.components(graphql, identity).forEach(builder::extension);
            StrataApi api = builder.build();
            HttpServer http = GrizzlyServers.create(settings.host(), settings.port(), api, transport(settings));
            ConnectionDrain drain = new ConnectionDrain();
            http.getListeners().forEach(listener -> listener.registerAddOn(drain));
            Optional<GrpcEndpoint> grpc = Optional.empty();
            StrataServer server;
            try {
                http.start();
                if (settings.grpcPort() != 0) {
                    GrpcApi.Builder grpcApi = GrpcApi.builder(identity).posts(posts).orders(orders)
                            .metrics(apiMetrics).readiness(database::isReachable);
                    settings.rateLimits().ifPresent(limits -> grpcApi.rateLimiter(new RateLimiter(limits,
                            buckets.orElseThrow())));
                    grpc = Optional.of(GrpcEndpoint.start(settings, grpcApi.build()));
                }
                server = new StrataServer(settings, database, sessionCache, http, drain, metrics, identity, grpc);
            } catch (IOException | RuntimeException e) {
                http.shutdownNow();
                grpc.ifPresent(GrpcEndpoint::close);
                throw e;
            }
            LOG.info("Strata API listening on {}, admin (metrics, health) on port {}{}", server.uri(),
                    server.adminPort(), server.grpcPort().map(port -> ", gRPC on port " + port).orElse(""));
            return server;
        } catch (BindException e) {
            sessionCache.close();
            database.close();
            metrics.close();
            throw StartupFailure.portInUse(settings.port(), "STRATA_PORT", "--port", e);
        } catch (IOException e) {
            sessionCache.close();
            database.close();
            metrics.close();
            throw new UncheckedIOException("cannot listen on " + settings.host() + ":" + settings.port(), e);
        } catch (RuntimeException e) {
            sessionCache.close();
            database.close();
            metrics.close();
            throw e;
        }
    }

    private static StrataDatabase open(Settings settings, Metrics metrics) {
        try {
            return StrataDatabase.open(databaseSettings(settings));
        } catch (RuntimeException failure) {
            metrics.close();
            throw StartupFailure.ofDatabase(settings, failure).orElseThrow(() -> failure);
        }
    }

    private static GrizzlyServers.Options transport(Settings settings) {
        GrizzlyServers.Options options = GrizzlyServers.Options.DEFAULT.withReadTimeout(settings.readTimeout())
                .withHttp2(settings.http2());
        return settings.tls().map(tls -> options.withTls(tls.context())).orElse(options);
    }

    private static DatabaseSettings databaseSettings(Settings settings) {
        DatabaseSettings database = DatabaseSettings.of(settings.databaseUrl()
                        .orElseGet(() -> StrataDatabase.h2FileUrl(settings.dataDirectory())))
                .withPoolSize(settings.poolSize())
                .withStatementTimeout(settings.statementTimeout());
        if (settings.databaseUser().isPresent()) {
            database = database.withCredentials(settings.databaseUser().get(), settings.databasePassword().orElse(""));
        }
        return database;
    }

    /** Where the API is served, with the actual port when 0 was asked for. */
    public URI uri() {
        return uri;
    }

    /** The port the gRPC API is served on, or empty when it is off. */
    public Optional<Integer> grpcPort() {
        return grpc.map(GrpcEndpoint::port);
    }

    /** The admin port (metrics, health), the actual one when 0 was asked for. */
    public int adminPort() {
        return admin.port();
    }

    /**
     * Ends what remains of the shutdown delay, so that the drain starts now (a second SIGTERM or
     * Ctrl-C). Does nothing before {@link #close()} is called.
     */
    public void endShutdownDelay() {
        delayEnded.countDown();
    }

    /**
     * A lame-duck shutdown: readiness answers 503 at once while the API keeps serving for the
     * shutdown delay, so that load balancers stop routing here; then the listener closes, every
     * response carries {@code Connection: close}, idle connections are closed between requests
     * (see {@link ConnectionDrain}) and requests in flight have the grace period to finish. Then
     * the database, the admin port and the metrics are closed.
     */
    @Override
    public void close() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Strata is shutting down: readiness answers 503; the API serves for {} more, then drains for up to {}",
                settings.shutdownDelay(), settings.shutdownGrace());
        housekeeping.shutdownNow();
        grpc.ifPresent(GrpcEndpoint::shuttingDown);
        try {
            delayEnded.await(settings.shutdownDelay().toNanos(), TimeUnit.NANOSECONDS);
            drain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            http.shutdownNow();
            grpc.ifPresent(GrpcEndpoint::close);
            sessionCache.close();
            database.close();
            admin.close();
            metrics.close();
            LOG.info("Strata stopped");
        }
    }

    private void drain() throws InterruptedException {
        long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
        drain.startDraining();
        drain.closeListeners();
        grpc.ifPresent(GrpcEndpoint::shutdown);
        LOG.info("Strata no longer accepts connections; draining the open ones");
        int cutOff = drain.awaitClosed(deadline);
        if (cutOff > 0) {
            LOG.warn("cut off {} request(s) still in flight after the grace period of {}", cutOff,
                    settings.shutdownGrace());
        }
        if (grpc.isPresent()) {
            grpc.get().awaitTermination(deadline);
        }
    }
}
