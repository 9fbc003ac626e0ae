package dev.strata.adapters.rest.identity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.docs.ProblemResponses;
import dev.strata.adapters.rest.http.Authenticated;
import dev.strata.adapters.rest.http.EntityTags;
import dev.strata.adapters.rest.http.AuthenticationFilter;
import dev.strata.adapters.rest.http.HttpProblem;
import dev.strata.adapters.rest.http.ListResponse;
import dev.strata.adapters.rest.http.MediaTypes;
import dev.strata.adapters.rest.http.Preconditions;
import dev.strata.adapters.rest.http.Representations;
import dev.strata.core.common.Ids;
import dev.strata.core.common.ValidationException;
import dev.strata.core.identity.Account;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.identity.SessionId;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Map;

/**
 * {@code /v1/accounts}: signing up, and an account's own view and changes of itself and its
 * sessions. An account is visible only to itself; any other account id is a 404, whether or not
 * it exists.
 */
@Path("/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Signing up, and an account's own view and changes of itself and its sessions.")
public final class AccountResource {

    private static final String ID = "The account's id: only the caller's own account is visible.";

    private final IdentityService identity;

    public AccountResource(IdentityService identity) {
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signUp", summary = "Sign up",
            description = "Creates an account. Sign in at POST /v1/sessions to use it.")
    @ApiResponse(responseCode = "201", description = "The account was created.",
            content = @Content(schema = @Schema(implementation = AccountResponse.class)))
    @ApiResponse(responseCode = "409", ref = ProblemResponses.CONFLICT,
            description = "The email is already registered (code email_already_registered).")
    public Response signUp(NewAccountRequest body) {
        if (body == null) {
            throw ValidationException.of("body", "required", "a JSON object with email, password and display_name");
        }
        Account account = identity.createAccount(body.toNewAccount());
        return Representations.created(UriBuilder.fromResource(AccountResource.class).path(account.id().value()).build(),
                AccountResponse.tagOf(account), AccountResponse.of(account));
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(operationId = "getAccount", summary = "Read an account",
            description = "The caller's own account; any other id is a 404.")
    @ApiResponse(responseCode = "200", description = "The account.",
            content = @Content(schema = @Schema(implementation = AccountResponse.class)))
    public Response get(@PathParam("id") @Parameter(description = ID, schema = @Schema(
                    pattern = AccountResponse.ACCOUNT_ID_PATTERN, maxLength = 31)) String id,
            @Context SecurityContext security, @Context Request request) {
        Account account = identity.getAccount(caller(security), new AccountId(id));
        return Representations.read(request, AccountResponse.tagOf(account), AccountResponse.of(account));
    }

    @PATCH
    @Path("{id}")
    @Authenticated
    @Consumes(MediaTypes.MERGE_PATCH_JSON)
    @Operation(operationId = "changeAccount", summary = "Change an account",
            description = "Applies an RFC 7396 merge patch (display_name, email, password with current_password)"
                    + " against the version named in If-Match.",
            parameters = @Parameter(in = ParameterIn.HEADER, name = "If-Match", required = true,
                    ref = ProblemResponses.IF_MATCH_PARAMETER),
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaTypes.MERGE_PATCH_JSON,
                    schema = @Schema(implementation = AccountChangesBody.class))))
    @ApiResponse(responseCode = "200", description = "The changed account.",
            headers = @Header(name = "ETag", ref = ProblemResponses.ETAG_HEADER),
            content = @Content(schema = @Schema(implementation = AccountResponse.class)))
    @ApiResponse(responseCode = "409", ref = ProblemResponses.CONFLICT,
            description = "The new email is already registered.")
    @ApiResponse(responseCode = "412", ref = ProblemResponses.PRECONDITION_FAILED, description = "Stale If-Match.")
    @ApiResponse(responseCode = "428", ref = ProblemResponses.PRECONDITION_REQUIRED, description = "No If-Match.")
    public Response patch(@PathParam("id") @Parameter(description = ID, schema = @Schema(
                    pattern = AccountResponse.ACCOUNT_ID_PATTERN, maxLength = 31)) String id,
            @Parameter(hidden = true) JsonNode patch, @Context SecurityContext security,
            @Context HttpHeaders headers) {
        AuthenticatedSession caller = caller(security);
        AccountId accountId = new AccountId(id);
        Account current = identity.getAccount(caller, accountId);
        Preconditions.requireIfMatch(headers, AccountResponse.tagOf(current));
        Account updated = identity.updateAccount(caller, accountId, AccountPatch.read(patch), current.version());
        return Response.ok(AccountResponse.of(updated)).header(HttpHeaders.ETAG, EntityTags.header(AccountResponse.tagOf(updated))).build();
    }

    /** A PATCH in any other media type: 415, saying which one this resource takes. */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    @Hidden
    public Response patchInAnotherMediaType() {
        throw new HttpProblem(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "an account is patched with " + MediaTypes.MERGE_PATCH_JSON,
                Map.of("Accept-Patch", MediaTypes.MERGE_PATCH_JSON));
    }

    @GET
    @Path("{id}/sessions")
    @Authenticated
    @Operation(operationId = "listAccountSessions", summary = "List an account's sessions",
            description = "The caller's own open sessions.")
    @ApiResponse(responseCode = "200", description = "The sessions, on one page.",
            content = @Content(schema = @Schema(implementation = SessionList.class)))
    public Response sessions(@PathParam("id") @Parameter(description = ID, schema = @Schema(
                    pattern = AccountResponse.ACCOUNT_ID_PATTERN, maxLength = 31)) String id,
            @Context SecurityContext security, @Context Request request) {
        AuthenticatedSession caller = caller(security);
        ListResponse<SessionResponse> list = ListResponse.complete(identity.listSessions(caller, new AccountId(id))
                .stream()
                .map(session -> SessionResponse.of(session, caller.account()))
                .toList());
        return Representations.readList(request, list);
    }

    @DELETE
    @Path("{id}/sessions")
    @Authenticated
    @Operation(operationId = "signOutEverywhere", summary = "Sign out everywhere",
            description = "Ends every session of the caller's account.")
    @ApiResponse(responseCode = "204", description = "Every session has ended.")
    public Response signOutEverywhere(@PathParam("id") @Parameter(description = ID, schema = @Schema(
                    pattern = AccountResponse.ACCOUNT_ID_PATTERN, maxLength = 31)) String id,
            @Context SecurityContext security) {
        identity.endAllSessions(caller(security), new AccountId(id));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/sessions/{session_id}")
    @Authenticated
    @Operation(operationId = "endAccountSession", summary = "End one session",
            description = "One session of the caller's own account, from its session list (the caller's own"
                    + " included: that is signing out). Another account's session is not found.")
    @ApiResponse(responseCode = "204", description = "The session has ended; its token no longer works.")
    public Response endSession(@PathParam("id") @Parameter(description = ID, schema = @Schema(
                    pattern = AccountResponse.ACCOUNT_ID_PATTERN, maxLength = 31)) String id,
            @PathParam("session_id") @Parameter(description = "The session's id, as the session list shows it.",
                    schema = @Schema(pattern = "^ses_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 30)) String sessionId,
            @Context SecurityContext security) {
        AccountId account = new AccountId(id);
        if (!Ids.isValid(SessionId.PREFIX, sessionId)) {
            throw ValidationException.of("session_id", "malformed_id", "is not a well-formed ses_ identifier");
        }
        identity.endSession(caller(security), account, new SessionId(sessionId));
        return Response.noContent().build();
    }

    private static AuthenticatedSession caller(SecurityContext security) {
        return AuthenticationFilter.callerOf(security);
    }
}
