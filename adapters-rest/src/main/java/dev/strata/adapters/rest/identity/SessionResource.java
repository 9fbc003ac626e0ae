package dev.strata.adapters.rest.identity;

import dev.strata.adapters.rest.http.Authenticated;
import dev.strata.adapters.rest.http.AuthenticationFilter;
import dev.strata.adapters.rest.http.EntityTags;
import dev.strata.adapters.rest.http.Representations;
import dev.strata.core.common.ValidationException;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.identity.IssuedSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;

/**
 * {@code /v1/sessions}: signing in (which returns the bearer token), who am I, and signing out.
 * {@code /v1/sessions/mine} is an alias of {@code /v1/sessions/me}.
 */
@Path("/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
public final class SessionResource {

    private static final URI CURRENT_SESSION = URI.create("/v1/sessions/me");

    private final IdentityService identity;

    public SessionResource(IdentityService identity) {
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(SignInRequest body) {
        if (body == null) {
            throw ValidationException.of("body", "required", "a JSON object with email and password");
        }
        IssuedSession issued = identity.signIn(body.toCredentials());
        return Representations.created(CURRENT_SESSION,
                EntityTags.of(issued.session().id().value(), issued.account().version()),
                SessionResponse.issued(issued));
    }

    @GET
    @Path("{alias: me|mine}")
    @Authenticated
    public Response me(@Context SecurityContext security, @Context Request request) {
        AuthenticatedSession caller = AuthenticationFilter.callerOf(security);
        return Representations.read(request,
                EntityTags.of(caller.session().id().value(), caller.account().version()),
                SessionResponse.of(caller.session(), caller.account()));
    }

    @DELETE
    @Path("{alias: me|mine}")
    @Authenticated
    public Response signOut(@Context SecurityContext security) {
        identity.endSession(AuthenticationFilter.callerOf(security));
        return Response.noContent().build();
    }
}
