package dev.strata.adapters.rest.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.adapters.rest.http.Link;
import dev.strata.core.identity.Account;
import dev.strata.core.identity.IssuedSession;
import dev.strata.core.identity.Session;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A session as the API shows it, with its account. {@code token} is present only in the response
 * to signing in: it is never stored, so it can never be shown again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Session", description = "A signed-in session and its account.")
public record SessionResponse(
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^ses_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 30,
                example = "ses_4k7m2q9x1c3v5b8n0p6r2t4w6y") String id,
        @Schema(requiredMode = RequiredMode.REQUIRED) AccountResponse account,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "RFC 3339, UTC, microseconds.",
                example = "2026-01-02T03:04:05.123456Z") Instant createdAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "RFC 3339, UTC, microseconds.",
                example = "2026-01-09T03:04:05.123456Z") Instant expiresAt,
        @Schema(description = "The bearer token: only in the response to signing in, never shown again.",
                maxLength = 512, example = "k1.c2VzXzRrN20ycTl4MWMzdjViOG4wcDZyMnQ0dzZ5.Zm9v") String token,
        @Schema(requiredMode = RequiredMode.REQUIRED, maxProperties = 10,
                description = "Links by relation: self (DELETE it to end the session), account.")
        @JsonProperty("_links") Map<String, Link> links) {

    static SessionResponse of(Session session, Account account) {
        return new SessionResponse(session.id().value(), AccountResponse.of(account), session.createdAt(),
                session.expiresAt(), null, links(session));
    }

    static SessionResponse issued(IssuedSession issued) {
        return new SessionResponse(issued.session().id().value(), AccountResponse.of(issued.account()),
                issued.session().createdAt(), issued.session().expiresAt(), issued.token(), links(issued.session()));
    }

    private static Map<String, Link> links(Session session) {
        String account = "/v1/accounts/" + session.accountId().value();
        Map<String, Link> links = new LinkedHashMap<>();
        links.put("self", new Link(account + "/sessions/" + session.id().value()));
        links.put("account", new Link(account));
        return links;
    }
}
