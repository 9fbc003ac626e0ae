package dev.strata.adapters.rest.identity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.http.Authenticated;
import dev.strata.adapters.rest.http.AuthenticationFilter;
import dev.strata.adapters.rest.http.HttpProblem;
import dev.strata.adapters.rest.http.ListResponse;
import dev.strata.adapters.rest.http.MediaTypes;
import dev.strata.adapters.rest.http.Preconditions;
import dev.strata.adapters.rest.http.Representations;
import dev.strata.core.common.ValidationException;
import dev.strata.core.identity.Account;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.identity.IdentityService;
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
public final class AccountResource {

    private final IdentityService identity;

    public AccountResource(IdentityService identity) {
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
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
    public Response get(@PathParam("id") String id, @Context SecurityContext security, @Context Request request) {
        Account account = identity.getAccount(caller(security), new AccountId(id));
        return Representations.read(request, AccountResponse.tagOf(account), AccountResponse.of(account));
    }

    @PATCH
    @Path("{id}")
    @Authenticated
    @Consumes(MediaTypes.MERGE_PATCH_JSON)
    public Response patch(@PathParam("id") String id, JsonNode patch, @Context SecurityContext security,
            @Context HttpHeaders headers) {
        AuthenticatedSession caller = caller(security);
        AccountId accountId = new AccountId(id);
        Account current = identity.getAccount(caller, accountId);
        Preconditions.requireIfMatch(headers, AccountResponse.tagOf(current));
        Account updated = identity.updateAccount(caller, accountId, AccountPatch.read(patch), current.version());
        return Response.ok(AccountResponse.of(updated)).tag(AccountResponse.tagOf(updated)).build();
    }

    /** A PATCH in any other media type: 415, saying which one this resource takes. */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    public Response patchInAnotherMediaType() {
        throw new HttpProblem(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "an account is patched with " + MediaTypes.MERGE_PATCH_JSON,
                Map.of("Accept-Patch", MediaTypes.MERGE_PATCH_JSON));
    }

    @GET
    @Path("{id}/sessions")
    @Authenticated
    public Response sessions(@PathParam("id") String id, @Context SecurityContext security, @Context Request request) {
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
    public Response signOutEverywhere(@PathParam("id") String id, @Context SecurityContext security) {
        identity.endAllSessions(caller(security), new AccountId(id));
        return Response.noContent().build();
    }

    private static AuthenticatedSession caller(SecurityContext security) {
        return AuthenticationFilter.callerOf(security);
    }
}
