package dev.strata.adapters.graphql;

import dev.strata.core.common.AuthenticationException;
import dev.strata.core.identity.AuthenticatedSession;
import java.util.Objects;
import java.util.Optional;

/**
 * Who sends a GraphQL request: a verified session, nobody (no {@code Authorization} header), or a
 * client whose token was refused. Operations that need a caller {@link #require()} one; signing up
 * and signing in need none, so that a stale token does not stop a client from signing in again.
 * Immutable.
 */
public final class Caller {

    private static final Caller ANONYMOUS = new Caller(Optional.empty(), Optional.empty());

    private final Optional<AuthenticatedSession> session;
    private final Optional<AuthenticationException> refusal;

    private Caller(Optional<AuthenticatedSession> session, Optional<AuthenticationException> refusal) {
        this.session = session;
        this.refusal = refusal;
    }

    /**
     * A request without credentials.
     *
     * @return the anonymous caller
     */
    public static Caller anonymous() {
        return ANONYMOUS;
    }

    /**
     * A request whose bearer token stands for {@code session}.
     *
     * @param session the verified session
     * @return the caller
     */
    public static Caller of(AuthenticatedSession session) {
        return new Caller(Optional.of(Objects.requireNonNull(session, "session")), Optional.empty());
    }

    /**
     * A request whose credentials were refused; operations that need a caller fail with {@code refusal}.
     *
     * @param refusal why the credentials were refused
     * @return the caller
     */
    public static Caller refused(AuthenticationException refusal) {
        return new Caller(Optional.empty(), Optional.of(Objects.requireNonNull(refusal, "refusal")));
    }

    /**
     * The verified session, when there is one.
     *
     * @return the session, or empty
     */
    public Optional<AuthenticatedSession> session() {
        return session;
    }

    /**
     * The verified session.
     *
     * @return the session
     * @throws AuthenticationException why the token was refused, or {@code authentication_required}
     *                                 when none was sent
     */
    public AuthenticatedSession require() {
        return session.orElseThrow(() -> refusal.orElseGet(() -> new AuthenticationException(
                "authentication_required", "this operation needs a bearer token: sign in with the signIn mutation")));
    }
}
