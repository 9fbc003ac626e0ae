package dev.strata.adapters.rest.http;

import dev.strata.adapters.common.BearerAuthentication;
import dev.strata.adapters.common.SessionPrincipal;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.identity.IdentityService;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Objects;

/**
 * Verifies {@code Authorization: Bearer <token>} on {@link Authenticated} resources and makes the
 * caller's {@link AuthenticatedSession} the request's {@link SecurityContext} principal, by the rules
 * every API style shares ({@link BearerAuthentication}). A missing, malformed or invalid token is a
 * 401 with {@code WWW-Authenticate: Bearer}.
 */
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter {

    private static final String SCHEME = BearerAuthentication.SCHEME;

    private final BearerAuthentication authentication;

    /** Authenticates with the sessions of {@code identity}. */
    public AuthenticationFilter(IdentityService identity) {
        this.authentication = new BearerAuthentication(Objects.requireNonNull(identity, "identity"));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        AuthenticatedSession caller = authentication.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerContext(new SessionPrincipal(caller), secure));
    }

    /**
     * The authenticated caller of a request that passed this filter.
     *
     * @throws IllegalStateException when the resource method is not {@link Authenticated}: a
     *                               programming error, not a client's
     */
    public static AuthenticatedSession callerOf(SecurityContext context) {
        if (context != null && context.getUserPrincipal() instanceof SessionPrincipal caller) {
            return caller.session();
        }
        throw new IllegalStateException("the resource method is not @Authenticated");
    }

    private record CallerContext(SessionPrincipal caller, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return SCHEME;
        }
    }
}
