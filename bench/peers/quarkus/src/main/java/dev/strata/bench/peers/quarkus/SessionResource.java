package dev.strata.bench.peers.quarkus;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v1/sessions/me} (and its alias {@code mine}): the caller's session and account, as
 * Strata answers it, with its ETag and a 304 for a matching {@code If-None-Match}. A blocking
 * method (its signature returns no reactive type), so Quarkus REST runs it on a worker thread.
 */
@Path("/v1/sessions")
public class SessionResource {

    private final Sessions sessions;

    SessionResource(Sessions sessions) {
        this.sessions = sessions;
    }

    @GET
    @Path("{alias: me|mine}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response me(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context Request request) {
        Caller caller = sessions.authenticate(authorization);
        EntityTag tag = Representations.tag(caller.sessionId(), caller.accountVersion());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.build();
        }
        return Response.ok(SessionBody.of(caller)).tag(tag).build();
    }

    /** A session as Strata shows it: without its token, which only the response to signing in holds. */
    public record SessionBody(String id, AccountBody account, String createdAt, String expiresAt,
            @JsonProperty("_links") Map<String, Link> links) {

        static SessionBody of(Caller caller) {
            String account = "/v1/accounts/" + caller.accountId();
            Map<String, Link> links = new LinkedHashMap<>();
            links.put("self", new Link(account + "/sessions/" + caller.sessionId()));
            links.put("account", new Link(account));
            return new SessionBody(caller.sessionId(), AccountBody.of(caller), Representations.time(caller.sessionCreatedAt()),
                    Representations.time(caller.expiresAt()), links);
        }
    }

    /** An account as its owner sees it. */
    public record AccountBody(String id, String email, String displayName, String createdAt, String updatedAt,
            long version, @JsonProperty("_links") Map<String, Link> links) {

        static AccountBody of(Caller caller) {
            String self = "/v1/accounts/" + caller.accountId();
            Map<String, Link> links = new LinkedHashMap<>();
            links.put("self", new Link(self));
            links.put("sessions", new Link(self + "/sessions"));
            links.put("posts", new Link(self + "/posts"));
            links.put("closure", new Link(self + "/closure"));
            return new AccountBody(caller.accountId(), caller.email(), caller.displayName(),
                    Representations.time(caller.accountCreatedAt()), Representations.time(caller.accountUpdatedAt()),
                    caller.accountVersion(), links);
        }
    }
}
