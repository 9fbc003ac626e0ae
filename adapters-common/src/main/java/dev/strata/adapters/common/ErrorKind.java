package dev.strata.adapters.common;

import dev.strata.core.common.AlreadyExistsException;
import dev.strata.core.common.AuthenticationException;
import dev.strata.core.common.ConflictException;
import dev.strata.core.common.ForbiddenException;
import dev.strata.core.common.IdempotencyKeyReusedException;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.PreconditionFailedException;
import dev.strata.core.common.RateLimitedException;
import dev.strata.core.common.StrataException;
import dev.strata.core.common.UnavailableException;
import dev.strata.core.common.ValidationException;
import java.util.Locale;
import java.util.Objects;

/**
 * The one classification of core's failures that every API adapter translates into its protocol:
 * REST into an HTTP status, gRPC into a canonical status code, GraphQL into an error's
 * {@code extensions}. The names follow gRPC's canonical codes where one fits. The client-facing
 * error code stays {@link StrataException#code()}; this is only the kind of failure.
 */
public enum ErrorKind {

    /** The input is invalid ({@link ValidationException}): HTTP 400, gRPC INVALID_ARGUMENT. */
    INVALID_ARGUMENT,
    /** No valid credentials ({@link AuthenticationException}): HTTP 401, gRPC UNAUTHENTICATED. */
    UNAUTHENTICATED,
    /** Authenticated but not allowed ({@link ForbiddenException}): HTTP 403, gRPC PERMISSION_DENIED. */
    PERMISSION_DENIED,
    /** No such object, or not one the caller may see ({@link NotFoundException}): HTTP 404, gRPC NOT_FOUND. */
    NOT_FOUND,
    /** What would be created already exists ({@link AlreadyExistsException}): HTTP 409, gRPC ALREADY_EXISTS. */
    ALREADY_EXISTS,
    /**
     * The object's state does not allow the operation (any other {@link ConflictException}, such as
     * {@code order_not_open}): HTTP 409, gRPC FAILED_PRECONDITION.
     */
    FAILED_PRECONDITION,
    /** The caller wrote against a stale version ({@link PreconditionFailedException}): HTTP 412, gRPC ABORTED. */
    ABORTED,
    /**
     * An idempotency key came again with another request ({@link IdempotencyKeyReusedException}):
     * HTTP 422; gRPC has no code of its own for it (an adapter picks one, such as INVALID_ARGUMENT).
     */
    IDEMPOTENCY_KEY_REUSED,
    /** Too many attempts ({@link RateLimitedException}, or a {@link RateDecision} refused): HTTP 429, gRPC RESOURCE_EXHAUSTED. */
    RESOURCE_EXHAUSTED,
    /** A dependency does not answer now; nothing was changed ({@link UnavailableException}): HTTP 503, gRPC UNAVAILABLE. */
    UNAVAILABLE;

    /**
     * The kind of {@code failure}. Exhaustive over core's sealed exception hierarchy: a new kind of
     * failure in core does not compile until it is classified here.
     */
    public static ErrorKind of(StrataException failure) {
        Objects.requireNonNull(failure, "failure");
        return switch (failure) {
            case ValidationException invalid -> INVALID_ARGUMENT;
            case AuthenticationException unauthenticated -> UNAUTHENTICATED;
            case ForbiddenException forbidden -> PERMISSION_DENIED;
            case NotFoundException missing -> NOT_FOUND;
            case AlreadyExistsException exists -> ALREADY_EXISTS;
            case ConflictException conflict -> FAILED_PRECONDITION;
            case PreconditionFailedException stale -> ABORTED;
            case IdempotencyKeyReusedException reused -> IDEMPOTENCY_KEY_REUSED;
            case RateLimitedException limited -> RESOURCE_EXHAUSTED;
            case UnavailableException unavailable -> UNAVAILABLE;
        };
    }

    /** This kind's name in lower case ({@code not_found}), as metrics and logs spell an outcome. */
    public String lowerCaseName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
