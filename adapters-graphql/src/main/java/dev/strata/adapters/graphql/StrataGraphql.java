package dev.strata.adapters.graphql;

import dev.strata.adapters.common.ApiMetrics;
import dev.strata.core.closing.AccountClosingService;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.orders.OrderService;
import dev.strata.core.posts.PostService;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Strata's GraphQL API, transport aside: the checked-in schema ({@code strata.graphqls}) wired to
 * the identity, posts and orders services, with errors that carry Strata's codes, DataLoader
 * batches for relations, and the depth and complexity bounds of {@link Limits}. Introspection is
 * on: the schema is the documentation. The HTTP endpoint ({@link dev.strata.adapters.graphql.http})
 * runs its requests through {@link #execute}.
 *
 * <pre>{@code
 * StrataGraphql graphql = StrataGraphql.builder(identity, posts, orders).build();
 * ExecutionResult result = graphql.execute(GraphqlRequest.of("{ viewer { id } }", Map.of()), caller);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class StrataGraphql {

    /** Where the schema is, on the class path. */
    public static final String SCHEMA_RESOURCE = "/dev/strata/adapters/graphql/strata.graphqls";

    private final GraphQL graphql;
    private final GraphQLSchema schema;
    private final IdentityService identity;
    private final PostService posts;
    private final Optional<Measurements> measurements;

    private StrataGraphql(Builder builder) {
        this.identity = builder.identity;
        this.posts = builder.posts;
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(Scalars.DATE_TIME).scalar(Scalars.DECIMAL);
        new IdentityFields(builder.identity,
                new AccountClosingService(builder.identity, builder.posts, builder.orders)).wire(wiring);
        new PostFields(builder.posts).wire(wiring);
        new OrderFields(builder.orders).wire(wiring);
        TypeDefinitionRegistry types = builder.types.orElseGet(StrataGraphql::parseSchema);
        this.schema = new SchemaGenerator().makeExecutableSchema(types, wiring.build());
        this.measurements = builder.metrics.map(Measurements::new);
        List<Instrumentation> instrumentations = new ArrayList<>(List.of(builder.limits.instrumentation()));
        measurements.ifPresent(instrumentations::add);
        this.graphql = GraphQL.newGraphQL(schema)
                .defaultDataFetcherExceptionHandler(new Errors())
                .instrumentation(new ChainedInstrumentation(instrumentations))
                .build();
    }

    /**
     * Starts building the API over the three services.
     *
     * @param identity accounts and sessions
     * @param posts    posts and channels
     * @param orders   orders
     * @return a builder with the default bounds and no metrics
     */
    public static Builder builder(IdentityService identity, PostService posts, OrderService orders) {
        return new Builder(identity, posts, orders);
    }

    /**
     * The schema's SDL as checked in.
     *
     * @return the SDL text
     */
    public static String sdl() {
        try (InputStream in = StrataGraphql.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            return new String(Objects.requireNonNull(in, SCHEMA_RESOURCE).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The checked-in schema, parsed: what building the API starts from. It needs no service, so a
     * host that starts up may parse it on another thread while it opens its database, then hand it
     * to {@link Builder#types}.
     *
     * @return the schema's type definitions
     */
    public static TypeDefinitionRegistry parseSchema() {
        return new SchemaParser().parse(sdl());
    }

    /**
     * The executable schema.
     *
     * @return the schema, wired to the services
     */
    public GraphQLSchema schema() {
        return schema;
    }

    /**
     * Runs one request for {@code caller}. Never throws for anything the request holds: syntax,
     * validation, bounds and field failures are errors in the result.
     *
     * @param request the request
     * @param caller  who sends it
     * @return the result, {@code data} and {@code errors}
     */
    public ExecutionResult execute(GraphqlRequest request, Caller caller) {
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(request.query())
                .operationName(request.operationName().orElse(null))
                .variables(request.variables())
                .graphQLContext(Map.of(Caller.class, caller))
                .dataLoaderRegistry(Loaders.forRequest(identity, posts, caller))
                .build();
        long started = System.nanoTime();
        ExecutionResult result = Errors.coded(graphql.execute(input));
        if (!result.isDataPresent()) {
            measurements.ifPresent(measured -> measured.recordInvalid(Duration.ofNanos(System.nanoTime() - started)));
        }
        return result;
    }

    /** Collects the services and bounds of a {@link StrataGraphql}. Not thread-safe. */
    public static final class Builder {

        private final IdentityService identity;
        private final PostService posts;
        private final OrderService orders;
        private Limits limits = Limits.DEFAULT;
        private Optional<ApiMetrics> metrics = Optional.empty();
        private Optional<TypeDefinitionRegistry> types = Optional.empty();

        private Builder(IdentityService identity, PostService posts, OrderService orders) {
            this.identity = Objects.requireNonNull(identity, "identity");
            this.posts = Objects.requireNonNull(posts, "posts");
            this.orders = Objects.requireNonNull(orders, "orders");
        }

        /**
         * The deepest selection and the largest complexity an operation may have (defaults 15 and
         * 2,000; see {@link Limits}).
         *
         * @param maxDepth      the deepest selection accepted
         * @param maxComplexity the largest complexity accepted
         * @return this builder
         */
        public Builder limits(int maxDepth, int maxComplexity) {
            this.limits = new Limits(maxDepth, maxComplexity);
            return this;
        }

        /**
         * Records every root field run, and every sign-in, into {@code metrics} (see
         * {@link Measurements}); default: not measured.
         *
         * @param metrics the metrics every API style shares
         * @return this builder
         */
        public Builder metrics(ApiMetrics metrics) {
            this.metrics = Optional.of(metrics);
            return this;
        }

        /**
         * The type definitions to build the schema from, already parsed ({@link #parseSchema()});
         * default: {@link #build()} parses the checked-in schema itself.
         *
         * @param types the parsed schema
         * @return this builder
         */
        public Builder types(TypeDefinitionRegistry types) {
            this.types = Optional.of(types);
            return this;
        }

        /**
         * The API, ready to {@link StrataGraphql#execute execute} requests.
         *
         * @return the API
         */
        public StrataGraphql build() {
            return new StrataGraphql(this);
        }
    }
}
