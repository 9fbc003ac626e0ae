package dev.strata.adapters.rest.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.strata.core.identity.Account;
import dev.strata.core.identity.IssuedSession;
import dev.strata.core.identity.Session;
import java.time.Instant;

/**
 * A session as the API shows it, with its account. {@code token} is present only in the response
 * to signing in: it is never stored, so it can never be shown again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionResponse(String id, AccountResponse account, Instant createdAt, Instant expiresAt, String token) {

    static SessionResponse of(Session session, Account account) {
        return new SessionResponse(session.id().value(), AccountResponse.of(account), session.createdAt(),
                session.expiresAt(), null);
    }

    static SessionResponse issued(IssuedSession issued) {
        return new SessionResponse(issued.session().id().value(), AccountResponse.of(issued.account()),
                issued.session().createdAt(), issued.session().expiresAt(), issued.token());
    }
}
