package dev.strata.adapters.rest.http;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/**
 * Conditional requests (RFC 9110 §13): answering {@code If-None-Match} with 304 on reads, and
 * demanding a matching {@code If-Match} on writes, so that no client overwrites a change it has not
 * seen (lost updates). The headers are read by {@link EntityTags#parse}, Strata's own reading of
 * RFC 9110's grammar, not by Jersey's, which fails on a malformed value with an exception that is
 * no client error.
 */
public final class Preconditions {

    private Preconditions() {
    }

    /**
     * A 200 with {@code body} and its tag, or a 304 with only the tag when the client's
     * {@code If-None-Match} already names it (weak comparison), or a 412 when its {@code If-Match}
     * names another version (RFC 9110 §13.2.2: If-Match first).
     *
     * @param request the request; Jersey's is also its {@link HttpHeaders}
     */
    public static Response okOrNotModified(Request request, EntityTag tag, Object body) {
        HttpHeaders headers = (HttpHeaders) request;
        EntityTags.Condition ifMatch = EntityTags.parse(HttpHeaders.IF_MATCH, headers.getRequestHeader(HttpHeaders.IF_MATCH));
        if (!ifMatch.isEmpty() && !ifMatch.matchesStrongly(tag)) {
            throw stale();
        }
        EntityTags.Condition ifNoneMatch =
                EntityTags.parse(HttpHeaders.IF_NONE_MATCH, headers.getRequestHeader(HttpHeaders.IF_NONE_MATCH));
        if (ifNoneMatch.matchesWeakly(tag)) {
            return Response.notModified().header(HttpHeaders.ETAG, EntityTags.header(tag)).build();
        }
        return Response.ok(body).header(HttpHeaders.ETAG, EntityTags.header(tag)).build();
    }

    /**
     * Demands that the request's {@code If-Match} names {@code current} (strong comparison) or is
     * {@code *}.
     *
     * @throws HttpProblem 428 when {@code If-Match} is missing; 412 when it names another tag
     * @throws MalformedHeaderException when {@code If-Match} is malformed
     */
    public static void requireIfMatch(HttpHeaders headers, EntityTag current) {
        EntityTags.Condition ifMatch = EntityTags.parse(HttpHeaders.IF_MATCH, headers.getRequestHeader(HttpHeaders.IF_MATCH));
        if (ifMatch.isEmpty()) {
            throw new HttpProblem(Status.PRECONDITION_REQUIRED, "precondition_required",
                    "this change needs an If-Match header with the ETag of the version it was made against");
        }
        if (!ifMatch.matchesStrongly(current)) {
            throw stale();
        }
    }

    private static HttpProblem stale() {
        return new HttpProblem(Status.PRECONDITION_FAILED, "version_mismatch",
                "the resource has changed since the version named in If-Match; read it again and retry");
    }
}
