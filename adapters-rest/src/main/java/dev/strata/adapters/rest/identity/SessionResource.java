package dev.strata.adapters.rest.identity;

import dev.strata.adapters.rest.docs.ProblemResponses;
import dev.strata.adapters.rest.http.Authenticated;
import dev.strata.adapters.rest.http.AuthenticationFilter;
import dev.strata.adapters.rest.http.EntityTags;
import dev.strata.adapters.rest.http.Representations;
import dev.strata.core.common.ValidationException;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.identity.IssuedSession;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Sessions", description = "Signing in (which returns the bearer token), who am I, and signing out.")
public final class SessionResource {

    // Documented on the methods, not bound to a parameter: the route's regular expression already
    // admits only me and mine, and a bound parameter would be extracted and decoded on every request.
    private static final String ALIAS = "The caller's current session: me, or its alias mine.";

    private static final URI CURRENT_SESSION = URI.create("/v1/sessions/me");

    private final IdentityService identity;

    public SessionResource(IdentityService identity) {
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signIn", summary = "Sign in",
            description = "Checks an email and password and starts a session; the response"
            + " carries the bearer token, which is shown this once.")
    @ApiResponse(responseCode = "201", description = "The session started; its token is in the body.",
            content = @Content(schema = @Schema(implementation = SessionResponse.class)))
    @ApiResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED,
            description = "The email or the password is wrong (code invalid_credentials).")
    @ApiResponse(responseCode = "429", ref = ProblemResponses.TOO_MANY_REQUESTS,
            description = "Too many failed attempts for this account; retry after Retry-After.")
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
    @Operation(operationId = "getCurrentSession", summary = "Who am I",
            description = "The caller's session and account.")
    @ApiResponse(responseCode = "200", description = "The current session, without its token.",
            content = @Content(schema = @Schema(implementation = SessionResponse.class)))
    @Parameter(name = "alias", in = ParameterIn.PATH, required = true, description = ALIAS,
            schema = @Schema(allowableValues = {"me", "mine"}))
    public Response me(@Context SecurityContext security, @Context Request request) {
        AuthenticatedSession caller = AuthenticationFilter.callerOf(security);
        return Representations.read(request,
                EntityTags.of(caller.session().id().value(), caller.account().version()),
                SessionResponse.of(caller.session(), caller.account()));
    }

    @DELETE
    @Path("{alias: me|mine}")
    @Authenticated
    @Operation(operationId = "signOut", summary = "Sign out",
            description = "Ends the caller's current session; its token stops working.")
    @ApiResponse(responseCode = "204", description = "The session has ended.")
    @Parameter(name = "alias", in = ParameterIn.PATH, required = true, description = ALIAS,
            schema = @Schema(allowableValues = {"me", "mine"}))
    public Response signOut(@Context SecurityContext security) {
        identity.endSession(AuthenticationFilter.callerOf(security));
        return Response.noContent().build();
    }
}
