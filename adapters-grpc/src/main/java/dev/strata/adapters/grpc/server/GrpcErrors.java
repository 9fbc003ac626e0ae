package dev.strata.adapters.grpc.server;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import dev.strata.adapters.common.ErrorKind;
import dev.strata.core.common.FieldError;
import dev.strata.core.common.IdempotencyKeyReusedException;
import dev.strata.core.common.RateLimitedException;
import dev.strata.core.common.StrataException;
import dev.strata.core.common.UnavailableException;
import dev.strata.core.common.ValidationException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * The one translation of core's failures into gRPC errors, shared by every service: a
 * {@code google.rpc.Status} with the canonical code of the failure's kind and these details:
 * <ul>
 *   <li>always {@link ErrorInfo}: {@code reason} is Strata's error code ({@code order_not_found}),
 *       {@code domain} is {@value #DOMAIN}, and {@code metadata} holds the call's {@code request_id};</li>
 *   <li>for invalid input, {@link BadRequest} with a field violation per invalid field;</li>
 *   <li>for RESOURCE_EXHAUSTED and UNAVAILABLE, {@link RetryInfo} saying when to try again.</li>
 * </ul>
 */
public final class GrpcErrors {

    /** The {@code ErrorInfo.domain} of Strata's errors. */
    public static final String DOMAIN = "strata.dev";

    /** How soon to retry when the database does not answer (REST says {@code Retry-After: 2}). */
    static final java.time.Duration UNAVAILABLE_RETRY = java.time.Duration.ofSeconds(2);

    private GrpcErrors() {
    }

    /** The error a call that failed with {@code failure} ends with. */
    public static StatusRuntimeException toStatusException(StrataException failure, String requestId) {
        Code code = codeOf(failure);
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(failure.getMessage() == null ? failure.code() : failure.getMessage())
                .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(failure.code()).setDomain(DOMAIN)
                        .putMetadata("request_id", requestId).build()));
        if (failure instanceof ValidationException invalid) {
            BadRequest.Builder badRequest = BadRequest.newBuilder();
            for (FieldError error : invalid.errors()) {
                badRequest.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField(error.field())
                        .setReason(error.code()).setDescription(error.message()));
            }
            status.addDetails(Any.pack(badRequest.build()));
        } else if (failure instanceof IdempotencyKeyReusedException) {
            status.addDetails(Any.pack(BadRequest.newBuilder().addFieldViolations(BadRequest.FieldViolation.newBuilder()
                    .setField("request_id").setReason(failure.code()).setDescription(failure.getMessage())).build()));
        } else if (failure instanceof RateLimitedException limited) {
            status.addDetails(retryAfter(limited.retryAfter()));
        } else if (failure instanceof UnavailableException) {
            status.addDetails(retryAfter(UNAVAILABLE_RETRY));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }

    /** The error of a call that failed in a way no client can cause: no detail of it leaves the server. */
    public static StatusRuntimeException internal(String requestId) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.INTERNAL_VALUE)
                .setMessage("the server failed; the request id " + requestId + " finds it in the logs")
                .addDetails(Any.pack(ErrorInfo.newBuilder().setReason("internal_error").setDomain(DOMAIN)
                        .putMetadata("request_id", requestId).build()))
                .build());
    }

    /**
     * The canonical code of {@code failure}'s {@link ErrorKind}. An idempotency key reused with
     * other content has no code of its own: the request is invalid for that key (INVALID_ARGUMENT,
     * with a field violation on {@code request_id}).
     */
    static Code codeOf(StrataException failure) {
        return switch (ErrorKind.of(failure)) {
            case INVALID_ARGUMENT, IDEMPOTENCY_KEY_REUSED -> Code.INVALID_ARGUMENT;
            case UNAUTHENTICATED -> Code.UNAUTHENTICATED;
            case PERMISSION_DENIED -> Code.PERMISSION_DENIED;
            case NOT_FOUND -> Code.NOT_FOUND;
            case ALREADY_EXISTS -> Code.ALREADY_EXISTS;
            case FAILED_PRECONDITION -> Code.FAILED_PRECONDITION;
            case ABORTED -> Code.ABORTED;
            case RESOURCE_EXHAUSTED -> Code.RESOURCE_EXHAUSTED;
            case UNAVAILABLE -> Code.UNAVAILABLE;
        };
    }

    private static Any retryAfter(java.time.Duration delay) {
        java.time.Duration wait = delay.isNegative() ? java.time.Duration.ZERO : delay;
        return Any.pack(RetryInfo.newBuilder().setRetryDelay(Duration.newBuilder().setSeconds(wait.getSeconds())
                .setNanos(wait.getNano())).build());
    }
}
