package dev.strata.adapters.rest.http;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/**
 * Conditional requests (RFC 9110 §13): answering {@code If-None-Match} with 304 on reads, and
 * demanding a matching {@code If-Match} on writes, so that no client overwrites a change it has not
 * seen (lost updates).
 */
public final class Preconditions {

    private Preconditions() {
    }

    /**
     * A 200 with {@code body} and its tag, or a 304 with only the tag when the client's
     * {@code If-None-Match} already names it.
     */
    public static Response okOrNotModified(Request request, EntityTag tag, Object body) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).build();
        }
        return Response.ok(body).tag(tag).build();
    }

    /**
     * Demands that the request's {@code If-Match} names {@code current} (strong comparison) or is
     * {@code *}.
     *
     * @throws HttpProblem 428 when {@code If-Match} is missing; 412 when it names another tag
     */
    public static void requireIfMatch(HttpHeaders headers, EntityTag current) {
        String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new HttpProblem(Status.PRECONDITION_REQUIRED, "precondition_required",
                    "this change needs an If-Match header with the ETag of the version it was made against");
        }
        if (!matches(ifMatch, current)) {
            throw new HttpProblem(Status.PRECONDITION_FAILED, "version_mismatch",
                    "the resource has changed since the version named in If-Match; read it again and retry");
        }
    }

    /** Whether an {@code If-Match} value (a list of tags, or {@code *}) strongly matches {@code current}. */
    static boolean matches(String ifMatch, EntityTag current) {
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            // Strong comparison: a weak tag never matches, and neither does a bare, unquoted one.
            if (!tag.startsWith("W/") && tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")
                    && !current.isWeak() && tag.substring(1, tag.length() - 1).equals(current.getValue())) {
                return true;
            }
        }
        return false;
    }
}
