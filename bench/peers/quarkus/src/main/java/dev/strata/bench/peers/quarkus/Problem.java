package dev.strata.bench.peers.quarkus;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A failure that becomes an RFC 9457 {@code application/problem+json} response, in Strata's shape:
 * the status, a stable {@code code}, a sentence, and for validation failures every refused field.
 * {@link ProblemMapper} writes it.
 */
public final class Problem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final String code;
    private final transient List<FieldProblem> errors;

    Problem(int status, String title, String code, String detail, List<FieldProblem> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.code = code;
        this.errors = errors;
    }

    /** 401: no token, or one that is not a live session's. */
    static Problem unauthorized(String code, String detail) {
        return new Problem(401, "Unauthorized", code, detail, null);
    }

    /** 400 naming every refused field. */
    static Problem invalid(List<FieldProblem> errors) {
        return new Problem(400, "Bad Request", "validation_failed", "the request has invalid fields", List.copyOf(errors));
    }

    /** 422: the idempotency key came before with another request. */
    static Problem keyReused() {
        return new Problem(422, "Unprocessable Content", "idempotency_key_reused",
                "this Idempotency-Key was already used with a different request", null);
    }

    int status() {
        return status;
    }

    /** The body, placed at {@code instance} (the request's path). */
    Body body(String instance) {
        return new Body("about:blank", title, status, getMessage(), instance, code, errors);
    }

    /** One refused field: its name as the client spelled it, a stable code, and a sentence. */
    public record FieldProblem(String field, String code, String message) {
    }

    /** The problem document. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(String type, String title, int status, String detail, String instance, String code,
            List<FieldProblem> errors) {
    }
}
