package dev.strata.adapters.common;

import dev.strata.core.common.AuthenticationException;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.identity.IdentityService;
import java.util.Objects;
import java.util.Optional;

/**
 * Bearer-token authentication, the same in every API style: the value of an HTTP
 * {@code Authorization} header or of gRPC's {@code authorization} metadata must be
 * {@code Bearer <token>} (the scheme in any case), and the token a session that
 * {@link IdentityService#verifySession} accepts. Every refusal is an
 * {@link AuthenticationException}: {@code authentication_required} when there is no value,
 * {@code invalid_token} when it is not a bearer token, and whatever {@code verifySession} says of
 * the token. Thread-safe.
 */
public final class BearerAuthentication {

    /** The authentication scheme. */
    public static final String SCHEME = "Bearer";

    private final IdentityService identity;

    /** Authentication that verifies tokens with {@code identity}. */
    public BearerAuthentication(IdentityService identity) {
        this.identity = Objects.requireNonNull(identity, "identity");
    }

    /**
     * The session of the caller that sent {@code authorizationValue}.
     *
     * @param authorizationValue the whole header or metadata value, or null when none was sent
     * @throws AuthenticationException when the value is missing or blank
     *                                 ({@code authentication_required}), is not
     *                                 {@code Bearer <token>} ({@code invalid_token}), or the token
     *                                 is not a live session
     */
    public AuthenticatedSession authenticate(String authorizationValue) {
        if (authorizationValue == null || authorizationValue.isBlank()) {
            throw new AuthenticationException("authentication_required",
                    "this resource needs a bearer token: sign in at POST /v1/sessions");
        }
        return verify(authorizationValue);
    }

    /**
     * The session of the caller when it sent a value, empty when it sent none: for operations that
     * anyone may call and that say more to a signed-in caller. A value that is sent is checked as
     * {@link #authenticate} checks it: a bad token is refused, never ignored.
     *
     * @param authorizationValue the whole header or metadata value, or null when none was sent
     * @throws AuthenticationException when a value is present but not a valid bearer token
     */
    public Optional<AuthenticatedSession> authenticateIfPresent(String authorizationValue) {
        if (authorizationValue == null) {
            return Optional.empty();
        }
        return Optional.of(authenticate(authorizationValue));
    }

    private AuthenticatedSession verify(String value) {
        if (value.length() <= SCHEME.length() + 1 || !value.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)) {
            throw new AuthenticationException("invalid_token", "the Authorization header must be 'Bearer <token>'");
        }
        return identity.verifySession(value.substring(SCHEME.length() + 1).strip());
    }
}
