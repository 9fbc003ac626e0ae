package dev.strata.adapters.grpc.call;

import dev.strata.core.common.FieldError;
import dev.strata.core.common.IdempotencyKey;
import dev.strata.core.common.ValidationException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Names the fields of core's validation errors as paths in the gRPC request (AIP-193's
 * {@code BadRequest} field violations): core says {@code items[1].sku}, the request has it at
 * {@code order.items[1].sku}. A few names are the REST API's own and have a gRPC counterpart:
 * {@code Idempotency-Key} is {@code request_id}, {@code limit} is {@code page_size}.
 */
public final class FieldPaths {

    private static final Map<String, String> RENAMED = Map.of(IdempotencyKey.FIELD, "request_id", "limit",
            "page_size", "last_id", "page_token");

    private FieldPaths() {
    }

    /**
     * Runs {@code work}; a validation error it throws comes out with its resource fields under
     * {@code resource} (such as {@code order}) and the REST-only names renamed. Fields that are
     * the request's own rather than the resource's are named by {@code requestFields}, from
     * core's name to the request's ({@code password} to {@code new_password}).
     */
    public static <T> T under(String resource, Map<String, String> requestFields, Supplier<T> work) {
        try {
            return work.get();
        } catch (ValidationException invalid) {
            throw new ValidationException(invalid.errors().stream().map(error -> {
                String field = error.field();
                String path;
                if (requestFields.containsKey(field)) {
                    path = requestFields.get(field);
                } else if (RENAMED.containsKey(field)) {
                    path = RENAMED.get(field);
                } else {
                    path = resource.isEmpty() ? field : resource + "." + field;
                }
                return new FieldError(path, error.code(), error.message());
            }).toList());
        }
    }

    /** {@link #under} for work without a result. */
    public static void under(String resource, Map<String, String> requestFields, Runnable work) {
        under(resource, requestFields, () -> {
            work.run();
            return null;
        });
    }
}
