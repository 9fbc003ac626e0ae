package dev.strata.bench.servers;

import dev.strata.adapters.common.ApiMetrics;
import dev.strata.adapters.common.LocalRateLimitBuckets;
import dev.strata.adapters.common.RateLimits;
import dev.strata.adapters.persistence.memory.identity.InMemoryIdentityStore;
import dev.strata.adapters.persistence.memory.orders.InMemoryOrderStore;
import dev.strata.adapters.persistence.memory.posts.InMemoryPostStore;
import dev.strata.adapters.rest.StrataApi;
import dev.strata.adapters.rest.grizzly.GrizzlyServers;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.identity.PasswordHasher;
import dev.strata.core.identity.TokenSigner;
import dev.strata.core.identity.TokenSigner.SigningKey;
import dev.strata.core.orders.OrderService;
import dev.strata.core.posts.PostService;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Strata's API over the in-memory stores, wired as the app's {@code StrataServer} wires it with its
 * default settings, but without a database (the app always opens one, H2 or PostgreSQL), so that
 * this measures Strata with the store's cost taken out: the same transport
 * ({@link GrizzlyServers#create} with the default options: HTTP/2 beside HTTP/1.1, the strict
 * codec, the 30 s read timeout), the posts and orders services, the access log (logback, text
 * format, to stdout), the metrics in a Prometheus registry with the app's JVM binders, and the rate
 * limits in this instance's memory. One thing differs, and only in size: the per-caller budget is
 * {@value #BENCH_BUDGET_PER_MINUTE} a minute instead of the default 600, so that the one bench
 * account is charged for every request (bucket lookup, headers) but never refused; sign-ups keep
 * the default budget. What stays out is GraphQL's endpoint, which is bound to {@code /graphql} only
 * and does nothing on the REST requests measured.
 */
public final class MemoryStrataServer {

    /** The per-caller budget: as if the app ran with {@code --rate-limit-per-minute} this high. */
    static final long BENCH_BUDGET_PER_MINUTE = 1_000_000_000L;

    private MemoryStrataServer() {
    }

    public static void main(String[] arguments) throws InterruptedException, IOException {
        serve(api(), arguments);
    }

    /** The API as this server serves it: the app's default wiring over the in-memory stores. */
    static StrataApi api() {
        Clock clock = Clock.systemUTC();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        IdentityService identity = new IdentityService(new InMemoryIdentityStore(), clock, new PasswordHasher(),
                new TokenSigner(List.of(SigningKey.generate("bench"))));
        PostService posts = new PostService(new InMemoryPostStore(), identity, clock);
        OrderService orders = new OrderService(new InMemoryOrderStore(), clock);
        RateLimits limits = new RateLimits(new RateLimits.Budget(BENCH_BUDGET_PER_MINUTE, Duration.ofMinutes(1)),
                RateLimits.DEFAULT.signUps());
        return StrataApi.builder(identity)
                .posts(posts)
                .orders(orders)
                .metrics(new ApiMetrics(registry))
                .rateLimits(limits).rateLimitBuckets(new LocalRateLimitBuckets())
                .build();
    }

    /** Serves {@code application} on the port the arguments name, over the app's transport, until the process ends. */
    static void serve(ResourceConfig application, String[] arguments) throws InterruptedException, IOException {
        HttpServer server = GrizzlyServers.create("127.0.0.1", Ports.fromArguments(arguments), application,
                GrizzlyServers.Options.DEFAULT);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "bench-shutdown"));
        Thread.currentThread().join();
    }
}
