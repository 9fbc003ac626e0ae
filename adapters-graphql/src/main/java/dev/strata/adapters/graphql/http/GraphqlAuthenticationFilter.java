package dev.strata.adapters.graphql.http;

import dev.strata.adapters.common.BearerAuthentication;
import dev.strata.adapters.common.SessionPrincipal;
import dev.strata.adapters.graphql.Caller;
import dev.strata.core.common.AuthenticationException;
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
 * Reads the bearer token of a GraphQL request before the host application's rate limits and
 * access log run, so that they charge and name the account as they do for REST: a verified
 * session becomes the request's {@link SecurityContext} principal, the {@link SessionPrincipal}
 * every style uses. A
 * request without a token runs anonymously, and one whose token is refused runs with that refusal,
 * which every operation that needs a caller reports as an {@code UNAUTHENTICATED} error; signing up
 * and signing in need none. Thread-safe.
 */
@GraphqlEndpoint
@Priority(Priorities.AUTHENTICATION)
public final class GraphqlAuthenticationFilter implements ContainerRequestFilter {

    /** The request property that carries the {@link Caller} to the resource. */
    static final String CALLER = GraphqlAuthenticationFilter.class.getName() + ".caller";

    private final BearerAuthentication bearer;

    /**
     * A filter that verifies tokens with {@code identity}, as every API style does.
     *
     * @param identity what verifies bearer tokens
     */
    public GraphqlAuthenticationFilter(IdentityService identity) {
        this.bearer = new BearerAuthentication(Objects.requireNonNull(identity, "identity"));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Caller caller = authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        request.setProperty(CALLER, caller);
        caller.session().ifPresent(session -> request.setSecurityContext(
                new CallerContext(new SessionPrincipal(session), request.getSecurityContext().isSecure())));
    }

    private Caller authenticate(String header) {
        try {
            return bearer.authenticateIfPresent(header).map(Caller::of).orElse(Caller.anonymous());
        } catch (AuthenticationException refused) {
            return Caller.refused(refused);
        }
    }

    private record CallerContext(SessionPrincipal account, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return account;
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
            return BearerAuthentication.SCHEME;
        }
    }
}
