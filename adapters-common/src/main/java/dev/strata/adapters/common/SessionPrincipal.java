package dev.strata.adapters.common;

import dev.strata.core.identity.AuthenticatedSession;
import java.security.Principal;
import java.util.Objects;

/**
 * The principal of a request whose bearer token {@link BearerAuthentication} verified, named by its
 * account id: what every API style served over HTTP puts in its request's security context, so that
 * what runs around the styles (rate limits, the access log) knows the caller the same way.
 *
 * @param session the verified session and its account
 */
public record SessionPrincipal(AuthenticatedSession session) implements Principal {

    /** A principal for {@code session}. */
    public SessionPrincipal {
        Objects.requireNonNull(session, "session");
    }

    /** The account id. */
    @Override
    public String getName() {
        return session.accountId().value();
    }
}
