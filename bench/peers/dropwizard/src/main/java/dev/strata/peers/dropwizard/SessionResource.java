package dev.strata.peers.dropwizard;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /v1/sessions/me}: the caller's session and account, as Strata shows them. */
@Path("/v1/sessions/me")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @GET
    public SessionView me(@Auth Caller caller) {
        return SessionView.of(caller);
    }

    /** A link to a resource of the API. */
    public record Link(String href) {
    }

    /** An account as Strata shows it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AccountView(String id, String email, String displayName, Instant createdAt, Instant updatedAt,
            long version, @JsonProperty("_links") Map<String, Link> links) {
    }

    /** A session and its account as Strata shows them. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SessionView(String id, AccountView account, Instant createdAt, Instant expiresAt,
            @JsonProperty("_links") Map<String, Link> links) {

        static SessionView of(Caller caller) {
            String account = "/v1/accounts/" + caller.accountId();
            Map<String, Link> accountLinks = new LinkedHashMap<>();
            accountLinks.put("self", new Link(account));
            accountLinks.put("sessions", new Link(account + "/sessions"));
            accountLinks.put("posts", new Link(account + "/posts"));
            accountLinks.put("closure", new Link(account + "/closure"));
            Map<String, Link> links = new LinkedHashMap<>();
            links.put("self", new Link(account + "/sessions/" + caller.sessionId()));
            links.put("account", new Link(account));
            return new SessionView(caller.sessionId(),
                    new AccountView(caller.accountId(), caller.email(), caller.displayName(),
                            caller.accountCreatedAt(), caller.accountUpdatedAt(), caller.accountVersion(),
                            accountLinks),
                    caller.sessionCreatedAt(), caller.expiresAt(), links);
        }
    }
}
