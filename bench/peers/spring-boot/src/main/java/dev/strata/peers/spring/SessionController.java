package dev.strata.peers.spring;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/sessions/me}: the caller's session and account, as Strata shows them. */
@RestController
public class SessionController {

    private final Sessions sessions;

    public SessionController(Sessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/v1/sessions/me")
    public SessionView me(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return SessionView.of(sessions.authenticate(authorization));
    }

    /** A link to a resource of the API. */
    public record Link(String href) {
    }

    /** An account as Strata shows it. */
    public record AccountView(String id, String email, String displayName, Instant createdAt, Instant updatedAt,
            long version, @JsonProperty("_links") Map<String, Link> links) {
    }

    /** A session and its account as Strata shows them. */
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
