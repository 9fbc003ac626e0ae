package dev.strata.adapters.rest.identity;

import dev.strata.adapters.rest.docs.ProblemResponses;
import dev.strata.adapters.rest.http.Authenticated;
import dev.strata.adapters.rest.http.AuthenticationFilter;
import dev.strata.core.closing.AccountClosingService;
import dev.strata.core.common.ValidationException;
import dev.strata.core.identity.AccountId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code POST /v1/accounts/{id}/closure}: closing one's own account, an action as a resource (as
 * an order's cancellation is). The current password confirms it. What goes with the account is
 * {@link AccountClosingService}'s to decide: sessions end, posts and owned channels are deleted,
 * memberships end, open orders are cancelled, paid and shipped ones are kept, and the email is free
 * again. It shares the path {@code /v1/accounts} with {@link AccountResource}; Jersey merges them.
 */
@Path("/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public final class AccountClosingResource {

    private final AccountClosingService closing;

    public AccountClosingResource(AccountClosingService closing) {
        this.closing = closing;
    }

    /** The body of a closure: the current password, as changing the email or password needs it. */
    @Schema(name = "AccountClosure", description = "The account's current password, to confirm closing it.")
    public record ClosureRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 1024, format = "password",
                    example = "correct horse battery staple")
            String currentPassword) {
    }

    @POST
    @Path("{id}/closure")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "closeAccount", summary = "Close an account",
            description = "The caller's own account, confirmed by its current password. Its sessions end; its posts"
                    + " and the channels it owns (with their posts) are deleted and its memberships end; its open"
                    + " orders are cancelled, paid and shipped ones are kept for the record; the account is deleted"
                    + " and its email may sign up again.",
            requestBody = @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = ClosureRequest.class))))
    @ApiResponse(responseCode = "204", description = "The account is closed; its tokens no longer work.")
    @ApiResponse(responseCode = "429", ref = ProblemResponses.TOO_MANY_REQUESTS,
            description = "Too many wrong passwords for this account's email.")
    public Response close(@PathParam("id") @Parameter(description = "The account's id: only the caller's own.",
                    schema = @Schema(pattern = AccountResponse.ACCOUNT_ID_PATTERN, maxLength = 31)) String id,
            ClosureRequest body, @Context SecurityContext security) {
        if (body == null) {
            throw ValidationException.of("current_password", "required", "is required to close the account");
        }
        closing.closeAccount(AuthenticationFilter.callerOf(security), new AccountId(id), body.currentPassword());
        return Response.noContent().build();
    }
}
