package dev.strata.adapters.rest.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.List;

/**
 * An RFC 9457 problem details body, with Strata's extensions: a stable {@code code}, the
 * {@code request_id} to quote when reporting it, and for validation failures every bad field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ProblemDetails", description = "An RFC 9457 problem: every error of this API has this shape.")
public record ProblemDetails(
        @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 2048, format = "uri-reference",
                example = "about:blank") String type,
        @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 100, example = "Bad Request") String title,
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "int32", minimum = "400", maximum = "599",
                example = "400") int status,
        @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 2048,
                example = "the request has invalid fields") String detail,
        @Schema(maxLength = 2048, format = "uri-reference", description = "The path the problem occurred at.",
                example = "/v1/accounts")
        String instance,
        @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 100, pattern = "^[a-z0-9_]+$",
                description = "Stable and machine-readable.", example = "validation_failed") String code,
        @Schema(maxLength = 128, pattern = "^[A-Za-z0-9._:-]{1,128}$", description = "Quote it when reporting the problem.",
                example = "req_5f0c8e2a9d4b7c1e3a6f8b20") String requestId,
        @ArraySchema(maxItems = 1000, schema = @Schema(implementation = FieldProblem.class),
                arraySchema = @Schema(description = "Every refused field, on validation failures."))
        List<FieldProblem> errors) {

    /** One refused field: its name as the client spelled it, a stable code, and a sentence. */
    @Schema(name = "FieldProblem", description = "One refused field.")
    public record FieldProblem(
            @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 1024, example = "email") String field,
            @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 100, pattern = "^[a-z0-9_]+$",
                    example = "invalid_email") String code,
            @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 2048,
                    example = "is not an email address") String message) {
    }

    /** The same problem, placed: which request it answers and where. */
    public ProblemDetails at(String instance, String requestId) {
        return new ProblemDetails(type, title, status, detail, instance, code, requestId, errors);
    }
}
