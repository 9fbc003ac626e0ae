package dev.strata.adapters.rest.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem details body, with Strata's extensions: a stable {@code code}, the
 * {@code request_id} to quote when reporting it, and for validation failures every bad field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetails(String type, String title, int status, String detail, String instance, String code,
        String requestId, List<FieldProblem> errors) {

    /** One refused field: its name as the client spelled it, a stable code, and a sentence. */
    public record FieldProblem(String field, String code, String message) {
    }

    /** The same problem, placed: which request it answers and where. */
    public ProblemDetails at(String instance, String requestId) {
        return new ProblemDetails(type, title, status, detail, instance, code, requestId, errors);
    }
}
