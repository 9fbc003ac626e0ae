package dev.strata.examples.spring;

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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Strata's exceptions as RFC 9457 problem details ({@link ProblemDetail}): the status their kind
 * means, their stable {@code code}, and for invalid input every bad field.
 */
@RestControllerAdvice
public class StrataProblems {

    /** The problem for any of Strata's exceptions. */
    @ExceptionHandler(StrataException.class)
    ResponseEntity<ProblemDetail> problem(StrataException failure) {
        HttpStatus status = switch (failure) {
            case ValidationException invalid -> HttpStatus.BAD_REQUEST;
            case AuthenticationException unauthenticated -> HttpStatus.UNAUTHORIZED;
            case ForbiddenException forbidden -> HttpStatus.FORBIDDEN;
            case NotFoundException missing -> HttpStatus.NOT_FOUND;
            case ConflictException conflict -> HttpStatus.CONFLICT;
            case PreconditionFailedException stale -> HttpStatus.PRECONDITION_FAILED;
            case IdempotencyKeyReusedException reused -> HttpStatus.UNPROCESSABLE_CONTENT;
            case RateLimitedException limited -> HttpStatus.TOO_MANY_REQUESTS;
            case UnavailableException unavailable -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                status.is5xxServerError() ? "the service cannot answer now; retry shortly" : failure.getMessage());
        problem.setProperty("code", failure.code());
        if (failure instanceof ValidationException invalid) {
            problem.setProperty("errors", invalid.errors());
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (failure instanceof AuthenticationException) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.body(problem);
    }
}
