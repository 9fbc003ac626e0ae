package dev.strata.adapters.graphql;

import dev.strata.adapters.common.ApiMetrics;
import dev.strata.core.common.AuthenticationException;
import dev.strata.core.common.RateLimitedException;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Records every root field an operation runs (such as {@code Mutation.createOrder}, the GraphQL
 * counterpart of one REST call) into the shared {@link ApiMetrics} with {@code api="graphql"}: how
 * long it took and its outcome ({@code ok}, the {@link dev.strata.adapters.common.ErrorKind} of its
 * failure, or {@code internal}); and every {@code signIn} into the sign-in counter, as REST counts
 * {@code POST /v1/sessions}. The operation tag comes from the schema, never from the client, so
 * that the series stay few. An operation refused before it runs is recorded by {@link StrataGraphql}
 * as {@value #INVALID}. Thread-safe.
 */
final class Measurements extends SimplePerformantInstrumentation {

    /** The operation tag of a request that never ran: a syntax or validation error, or a bound. */
    static final String INVALID = "invalid";
    static final String API = "graphql";

    private final ApiMetrics metrics;

    Measurements(ApiMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        if (parameters.getExecutionStepInfo().getPath().getLevel() != 1) {
            return fetcher;
        }
        String operation = parameters.getExecutionStepInfo().getObjectType().getName() + "."
                + parameters.getExecutionStepInfo().getFieldDefinition().getName();
        return environment -> {
            long started = System.nanoTime();
            Object value;
            try {
                value = fetcher.get(environment);
            } catch (Exception failure) {
                record(operation, failure, started);
                throw failure;
            }
            if (value instanceof CompletionStage<?> pending) {
                return pending.whenComplete((done, failure) -> record(operation, failure, started));
            }
            record(operation, null, started);
            return value;
        };
    }

    void recordInvalid(Duration took) {
        metrics.recordCall(API, INVALID, ApiMetrics.outcome(dev.strata.adapters.common.ErrorKind.INVALID_ARGUMENT), took);
    }

    private void record(String operation, Throwable failure, long started) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        metrics.recordCall(API, operation, ApiMetrics.outcomeOf(cause), Duration.ofNanos(System.nanoTime() - started));
        if (operation.equals("Mutation.signIn")) {
            switch (cause) {
                case null -> metrics.signIn("success");
                case AuthenticationException wrong -> metrics.signIn("failure");
                case RateLimitedException throttled -> metrics.signIn("throttled");
                default -> {
                    // A malformed request never reached the password check: neither.
                }
            }
        }
    }
}
