package dev.strata.adapters.graphql;

import dev.strata.adapters.common.ErrorKind;
import dev.strata.core.common.FieldError;
import dev.strata.core.common.RateLimitedException;
import dev.strata.core.common.StrataException;
import dev.strata.core.common.ValidationException;
import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.validation.ValidationError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a data fetcher throws into a GraphQL error: a {@link StrataException} keeps its
 * message (written for clients) and gets {@code extensions.code} (its stable code),
 * {@code extensions.classification} (its {@link ErrorKind}, shared by every API style) and, for a validation failure,
 * {@code extensions.fields} naming each argument in the schema's spelling ({@code displayName},
 * {@code items[0].unitPrice}); a rate limit adds {@code extensions.retryAfterSeconds}. Anything
 * else is a bug: it is logged, and the client only learns {@code internal_error}, never a class
 * name, a stack trace or an internal message. The errors graphql-java finds itself, before
 * anything runs, get a code too ({@link #coded(ExecutionResult)}). Thread-safe.
 */
final class Errors implements DataFetcherExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);
    private static final Pattern SNAKE = Pattern.compile("_([a-z0-9])");

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
            DataFetcherExceptionHandlerParameters parameters) {
        Throwable thrown = parameters.getException();
        while (thrown instanceof CompletionException && thrown.getCause() != null) {
            thrown = thrown.getCause();
        }
        GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError().path(parameters.getPath())
                .location(parameters.getSourceLocation());
        if (thrown instanceof StrataException failure) {
            error.message(failure.getMessage()).errorType(classification(failure)).extensions(extensions(failure));
        } else {
            LOG.error("a GraphQL field failed unexpectedly at {}", parameters.getPath(), thrown);
            error.message("the server failed to resolve this field").errorType(internal())
                    .extensions(Map.of("code", "internal_error", "classification", "INTERNAL"));
        }
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error.build()).build());
    }

    /** The extensions of a Strata failure: code, classification, and what its kind adds. */
    static Map<String, Object> extensions(StrataException failure) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", failure.code());
        extensions.put("classification", ErrorKind.of(failure).name());
        if (failure instanceof ValidationException invalid) {
            extensions.put("fields", invalid.errors().stream().map(Errors::field).toList());
        }
        if (failure instanceof RateLimitedException limited) {
            extensions.put("retryAfterSeconds", Math.max(1, limited.retryAfter().toSeconds()));
        }
        return extensions;
    }

    /** A GraphQL error with a code, for failures found by the adapter itself (bounds, request shape). */
    static GraphQLError of(String code, String classification, String message) {
        return GraphqlErrorBuilder.newError().message(message)
                .errorType(ErrorClassification.errorClassification(classification))
                .extensions(Map.of("code", code, "classification", classification)).build();
    }

    /**
     * {@code result} with {@code extensions.code} on every error, so that a client reads every
     * error the same way. graphql-java's own errors carry only its classification: a syntax error
     * gets {@code graphql_parse_failed}, an operation the schema does not allow (an unknown field,
     * a missing argument, an unknown operation name) {@code graphql_validation_failed}, variables
     * that do not fit their types {@code bad_user_input} (all three {@code INVALID_ARGUMENT}); a
     * non-null field that resolved to null is a bug, {@code internal_error}.
     *
     * @param result what graphql-java answered
     * @return the same result, every error coded
     */
    static ExecutionResult coded(ExecutionResult result) {
        if (result.getErrors().stream().allMatch(Errors::hasCode)) {
            return result;
        }
        List<GraphQLError> errors = result.getErrors().stream()
                .map(error -> hasCode(error) ? error : coded(error)).toList();
        return ExecutionResult.newExecutionResult().from(result).errors(errors).build();
    }

    private static boolean hasCode(GraphQLError error) {
        return error.getExtensions() != null && error.getExtensions().get("code") instanceof String;
    }

    private static GraphQLError coded(GraphQLError error) {
        String code;
        String classification = "INVALID_ARGUMENT";
        if (error.getErrorType() == ErrorType.InvalidSyntax) {
            code = "graphql_parse_failed";
        } else if (error instanceof ValidationError) {
            code = "graphql_validation_failed";
        } else if (error.getErrorType() == ErrorType.ValidationError) {
            code = "bad_user_input";
        } else if (error.getErrorType() == ErrorType.OperationNotSupported) {
            code = "operation_not_supported";
        } else {
            code = "internal_error";
            classification = "INTERNAL";
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        extensions.put("code", code);
        extensions.put("classification", classification);
        GraphqlErrorBuilder<?> coded = GraphqlErrorBuilder.newError().message(error.getMessage())
                .errorType(ErrorClassification.errorClassification(classification)).extensions(extensions);
        if (error.getLocations() != null) {
            coded.locations(error.getLocations());
        }
        if (error.getPath() != null) {
            coded.path(error.getPath());
        }
        return coded.build();
    }

    private static Map<String, Object> field(FieldError error) {
        return Map.of("field", schemaName(error.field()), "code", error.code(), "message", error.message());
    }

    /**
     * A field as core names it, in the schema's spelling: {@code display_name} is
     * {@code displayName}, {@code items[0].unit_price} is {@code items[0].unitPrice}, and the
     * {@code Idempotency-Key} header is the {@code idempotencyKey} argument.
     */
    static String schemaName(String coreField) {
        if (coreField.equals(dev.strata.core.common.IdempotencyKey.FIELD)) {
            return "idempotencyKey";
        }
        Matcher matcher = SNAKE.matcher(coreField);
        StringBuilder camel = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(camel, matcher.group(1).toUpperCase(Locale.ROOT));
        }
        return matcher.appendTail(camel).toString();
    }

    private static ErrorClassification classification(StrataException failure) {
        return ErrorClassification.errorClassification(ErrorKind.of(failure).name());
    }

    private static ErrorClassification internal() {
        return ErrorClassification.errorClassification("INTERNAL");
    }


    /** The errors' codes, for metrics and tests. */
    static List<String> codes(List<GraphQLError> errors) {
        return errors.stream().map(error -> error.getExtensions() == null ? null
                : (String) error.getExtensions().get("code")).toList();
    }
}
