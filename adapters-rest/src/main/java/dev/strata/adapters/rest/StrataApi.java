package dev.strata.adapters.rest;

import dev.strata.adapters.common.ApiMetrics;
import dev.strata.adapters.common.LocalRateLimitBuckets;
import dev.strata.adapters.common.RateLimitBuckets;
import dev.strata.adapters.common.RateLimits;
import dev.strata.adapters.rest.docs.ApiDocumentation;
import dev.strata.adapters.rest.http.AccessLogFilter;
import dev.strata.adapters.rest.http.AuthenticationFilter;
import dev.strata.adapters.rest.http.BodyLimitFilter;
import dev.strata.adapters.rest.http.CacheControlFilter;
import dev.strata.adapters.rest.http.ContextParameters;
import dev.strata.adapters.rest.http.CorsFilter;
import dev.strata.adapters.rest.http.HeaderSyntaxFilter;
import dev.strata.adapters.rest.http.JsonEntityProvider;
import dev.strata.adapters.rest.http.MetricsFilter;
import dev.strata.adapters.rest.http.MissingContentTypeFilter;
import dev.strata.adapters.rest.http.ProblemAcceptFilter;
import dev.strata.adapters.rest.http.ProblemMapper;
import dev.strata.adapters.rest.http.PublicUrls;
import dev.strata.adapters.rest.http.RateLimitFilter;
import dev.strata.adapters.rest.http.RequestIdFilter;
import dev.strata.adapters.rest.http.TrustedProxies;
import dev.strata.adapters.rest.http.UriEncodingFilter;
import dev.strata.adapters.rest.http.VaryFilter;
import dev.strata.adapters.rest.identity.AccountClosingResource;
import dev.strata.adapters.rest.identity.AccountResource;
import dev.strata.adapters.rest.identity.SessionResource;
import dev.strata.adapters.rest.orders.OrderActionResource;
import dev.strata.adapters.rest.orders.OrderResource;
import dev.strata.adapters.rest.posts.AccountPostsResource;
import dev.strata.adapters.rest.posts.ChannelMembersResource;
import dev.strata.adapters.rest.posts.ChannelResource;
import dev.strata.adapters.rest.posts.PostResource;
import dev.strata.core.closing.AccountClosingService;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.orders.OrderService;
import dev.strata.core.posts.PostService;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The whole REST API as one Jersey application, built from service instances that the caller
 * made. Nothing is scanned and nothing is injected by the container: every resource, filter and
 * provider is registered here by hand, so that this class is the API's table of contents.
 *
 * <pre>{@code
 * ResourceConfig api = StrataApi.builder(identityService).build();
 * GrizzlyHttpServerFactory.createHttpServer(URI.create("http://0.0.0.0:8080/"), api);
 * }</pre>
 */
public final class StrataApi extends ResourceConfig {

    /** The name of every request's virtual thread starts with this, followed by a counter. */
    public static final String REQUEST_THREAD_PREFIX = "request-";

    private StrataApi(Builder builder) {
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
        // Register exactly what is listed here; in particular, not Jackson's own exception mappers,
        // which would answer malformed JSON with text/plain instead of problem details.
        property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        property(CommonProperties.USE_VIRTUAL_THREADS, builder.virtualThreads);
        if (builder.virtualThreads) {
            // Named request-1, request-2, ...: a log line names its request's thread, and logback
            // finds the name without looking an unnamed virtual thread's id up by reflection (on
            // every access-log line, about a microsecond of a request's CPU).
            property(CommonProperties.THREAD_FACTORY, Thread.ofVirtual().name(REQUEST_THREAD_PREFIX, 1).factory());
        }
        // A relative Location stays relative unless PublicUrls knows the public origin: Jersey would
        // otherwise resolve it against the request's Host header.
        property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);

        register(new JsonEntityProvider());
        register(ContextParameters.binder());
        register(ProblemMapper.class);
        register(RequestIdFilter.class);
        register(new PublicUrls(builder.publicUrl, builder.trustedProxies));
        register(HeaderSyntaxFilter.class);
        register(UriEncodingFilter.class);
        register(ProblemAcceptFilter.class);
        register(MissingContentTypeFilter.class);
        register(AccessLogFilter.class);
        register(new BodyLimitFilter(builder.bodyLimit));
        register(new AuthenticationFilter(builder.identity));
        register(CacheControlFilter.class);
        builder.metrics.ifPresent(metrics -> register(new MetricsFilter(metrics)));
        builder.rateLimits.ifPresent(limits -> register(new RateLimitFilter(limits, builder.rateLimitBuckets, builder.trustedProxies)));
        register(VaryFilter.class);
        if (!builder.corsOrigins.isEmpty()) {
            register(new CorsFilter(builder.corsOrigins));
        }

        Map<String, String> links = new LinkedHashMap<>();
        links.put("accounts", "/v1/accounts");
        links.put("sessions", "/v1/sessions");
        links.put("me", "/v1/sessions/me");
        register(new AccountResource(builder.identity));
        register(new SessionResource(builder.identity));
        if (builder.posts != null) {
            links.put("posts", "/v1/posts");
            links.put("channels", "/v1/channels");
            register(new PostResource(builder.posts));
            register(new ChannelResource(builder.posts));
            register(new ChannelMembersResource(builder.posts));
            register(new AccountPostsResource(builder.posts));
        }
        if (builder.orders != null) {
            links.put("orders", "/v1/orders");
            register(new OrderResource(builder.orders));
            register(new OrderActionResource(builder.orders));
        }
        if (builder.posts != null && builder.orders != null) {
            register(new AccountClosingResource(new AccountClosingService(builder.identity, builder.posts,
                    builder.orders)));
        }
        register(new EntryPointResource(links));
        // The document describes what is registered up to here: the API, not the extensions below.
        register(new ApiDocumentation(builder.publicUrl, ApiDocumentation.documentedClasses(this)));
        builder.extensions.forEach(this::register);
    }

    /** Starts building the API over the identity service, which every other part needs. */
    public static Builder builder(IdentityService identity) {
        return new Builder(identity);
    }

    /** Collects the services and settings of a {@link StrataApi}. Not thread-safe. */
    public static final class Builder {

        private final IdentityService identity;
        private long bodyLimit = BodyLimitFilter.DEFAULT_LIMIT;
        private boolean virtualThreads = true;
        private PostService posts;
        private OrderService orders;
        private Optional<ApiMetrics> metrics = Optional.empty();
        private Optional<RateLimits> rateLimits = Optional.empty();
        private RateLimitBuckets rateLimitBuckets = new LocalRateLimitBuckets();
        private List<String> corsOrigins = List.of();
        private Optional<URI> publicUrl = Optional.empty();
        private TrustedProxies trustedProxies = TrustedProxies.NONE;
        private final List<Object> extensions = new ArrayList<>();

        private Builder(IdentityService identity) {
            this.identity = Objects.requireNonNull(identity, "identity");
        }

        /** The largest request body accepted, in bytes (default 1 MiB). */
        public Builder bodyLimit(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("the body limit must be positive");
            }
            this.bodyLimit = bytes;
            return this;
        }

        /** Serves posts and channels ({@code /v1/posts}, {@code /v1/channels}) from this service. */
        public Builder posts(PostService service) {
            this.posts = Objects.requireNonNull(service, "service");
            return this;
        }

        /** Whether requests run on virtual threads (default true). */
        public Builder virtualThreads(boolean enabled) {
            this.virtualThreads = enabled;
            return this;
        }

        /** Measures every request into {@code registry} (see {@link MetricsFilter}); default: not measured. */
        public Builder metrics(MeterRegistry registry) {
            return metrics(new ApiMetrics(registry));
        }

        /**
         * Measures every request into {@code metrics} (see {@link MetricsFilter}), shared with the
         * other API styles; default: not measured.
         */
        public Builder metrics(ApiMetrics metrics) {
            this.metrics = Optional.of(metrics);
            return this;
        }

        /** Enforces {@code limits} (see {@link RateLimitFilter}); default: no rate limits. */
        public Builder rateLimits(RateLimits limits) {
            return rateLimits(limits, Clock.systemUTC());
        }

        /** Enforces {@code limits}, their buckets refilling by {@code clock} (for tests that drive time). */
        public Builder rateLimits(RateLimits limits, Clock clock) {
            this.rateLimits = Optional.of(limits);
            this.rateLimitBuckets = new LocalRateLimitBuckets(clock);
            return this;
        }

        /**
         * Keeps the rate limits' buckets in {@code buckets}, e.g. a store every instance shares;
         * default: this instance's memory ({@link LocalRateLimitBuckets}).
         */
        public Builder rateLimitBuckets(RateLimitBuckets buckets) {
            this.rateLimitBuckets = Objects.requireNonNull(buckets, "buckets");
            return this;
        }

        /** Origins whose browsers may call the API (see {@link CorsFilter}); default: none. */
        public Builder corsOrigins(List<String> origins) {
            this.corsOrigins = List.copyOf(origins);
            return this;
        }

        /**
         * Where clients reach the API, such as {@code https://api.example.com/strata}: absolute URLs
         * in responses are built on it (see {@link PublicUrls}); default: none, URLs are relative.
         */
        public Builder publicUrl(URI url) {
            this.publicUrl = Optional.of(PublicUrls.parseBase(url.toString()));
            return this;
        }

        /** Proxies whose {@code Forwarded} / {@code X-Forwarded-*} headers are believed; default: none. */
        public Builder trustedProxies(TrustedProxies proxies) {
            this.trustedProxies = Objects.requireNonNull(proxies, "proxies");
            return this;
        }

        /** Serves {@code /v1/orders} over this service (left out when not given). */
        public Builder orders(OrderService service) {
            this.orders = Objects.requireNonNull(service, "service");
            return this;
        }

        /**
         * Serves another Jakarta REST component (a resource, or a filter bound to it) in this
         * application, behind the same request id, access log, body limit, metrics and rate limits
         * as the REST API: how the app adds another API style served over HTTP, such as GraphQL's
         * endpoint, without this adapter knowing it.
         *
         * @param component a resource or provider instance, registered as it is
         * @return this builder
         */
        public Builder extension(Object component) {
            this.extensions.add(Objects.requireNonNull(component, "component"));
            return this;
        }

        public StrataApi build() {
            return new StrataApi(this);
        }
    }
}
