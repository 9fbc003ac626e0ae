package dev.strata.adapters.rest.posts;

import dev.strata.adapters.rest.docs.ListOperation;
import dev.strata.adapters.rest.docs.ProblemResponses;
import dev.strata.adapters.rest.docs.TextRules;
import dev.strata.adapters.rest.http.Authenticated;
import dev.strata.adapters.rest.http.ListPages;
import dev.strata.adapters.rest.http.ListParameters;
import dev.strata.adapters.rest.http.Representations;
import dev.strata.core.common.Ids;
import dev.strata.core.common.Page;
import dev.strata.core.common.ValidationException;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.posts.ChannelId;
import dev.strata.core.posts.Member;
import dev.strata.core.posts.PostService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.Explode;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;

/**
 * {@code /v1/channels/{id}/members}: a channel's members, paged like every list; one member; the
 * owner adds and removes members, and a member removes itself (leaves). It shares the path
 * {@code /v1/channels} with {@link ChannelResource}; Jersey merges the two. Everything is for the
 * channel's members: anyone else gets a 404.
 */
@Path("/v1/channels")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Channels")
public final class ChannelMembersResource {

    private static final String CHANNEL_ID = "^chan_[0-9a-hjkmnp-tv-z]{26}$";
    private static final String ACCOUNT_ID = "^acct_[0-9a-hjkmnp-tv-z]{26}$";

    private final PostService posts;

    public ChannelMembersResource(PostService posts) {
        this.posts = posts;
    }

    @GET
    @Path("{id}/members")
    @Operation(operationId = "listChannelMembers", summary = "List a channel's members",
            description = "For members; earliest joined first by default, paged by cursor (page_token) or offset.",
            parameters = {
                    @Parameter(in = ParameterIn.QUERY, name = "sort", description = "joined_at, ascending (+, the"
                            + " default) or descending (-).", schema = @Schema(maxLength = 10,
                            pattern = "^[+-]?joined_at$", example = "-joined_at")),
                    @Parameter(in = ParameterIn.QUERY, name = "joined_at", explode = Explode.TRUE,
                            description = "<op>:<instant> with op in eq, ne, gt, gte, lt, lte, in. Repeatable (the"
                                    + " filters combine with AND).",
                            array = @ArraySchema(maxItems = ListParameters.MAX_FILTER_REPEATS, schema = @Schema(
                                    maxLength = ListParameters.MAX_EXPRESSION_LENGTH,
                                    pattern = "^(((eq|ne|gt|gte|lt|lte):)?" + TextRules.INSTANT + "|in:"
                                            + TextRules.INSTANT + "(," + TextRules.INSTANT + "){0,99})$",
                                    example = "gte:2026-01-01T00:00:00Z")))})
    @ListOperation(parameters = {"limit", "page_token", "offset"})
    @ApiResponse(responseCode = "200", description = "A page of members; Link names the first, previous and next.",
            content = @Content(schema = @Schema(implementation = PostListShapes.MemberList.class)))
    public Response list(@PathParam("id") @Parameter(description = "The channel's id.", schema = @Schema(
                    pattern = CHANNEL_ID, maxLength = 31)) String id,
            @Context SecurityContext security, @Context UriInfo uri, @Context Request request) {
        ChannelId channelId = new ChannelId(id);
        ListParameters parameters = ListParameters.read(uri.getQueryParameters(), PostService.MEMBER_QUERY, Set.of());
        Page<Member> page = posts.listMembers(caller(security), channelId, parameters.query());
        return ListPages.respond(request, uri, PostService.MEMBER_QUERY, parameters, page,
                PostService::memberSortValue, member -> member.accountId().value(), MemberResponse::of);
    }

    @GET
    @Path("{id}/members/{account_id}")
    @Operation(operationId = "getChannelMember", summary = "Read a member", description = "For members.")
    @ApiResponse(responseCode = "200", description = "The member.",
            content = @Content(schema = @Schema(implementation = MemberResponse.class)))
    public Response get(@PathParam("id") @Parameter(description = "The channel's id.", schema = @Schema(
                    pattern = CHANNEL_ID, maxLength = 31)) String id,
            @PathParam("account_id") @Parameter(description = "The member's account id.", schema = @Schema(
                    pattern = ACCOUNT_ID, maxLength = 31)) String accountId,
            @Context SecurityContext security, @Context Request request) {
        ChannelId channelId = new ChannelId(id);
        Member member = posts.getMember(caller(security), channelId, accountIdOf(accountId));
        return Representations.read(request, MemberResponse.tagOf(member), MemberResponse.of(member));
    }

    /** Adds a member: 201 when it was added, 200 when it already was one. */
    @PUT
    @Path("{id}/members/{account_id}")
    @Operation(operationId = "addChannelMember", summary = "Add a member",
            description = "By the channel's owner. Idempotent: adding a member again is a 200.")
    @ApiResponse(responseCode = "201", description = "The account was added.",
            headers = @Header(name = "Location", ref = ProblemResponses.LOCATION_HEADER),
            content = @Content(schema = @Schema(implementation = MemberResponse.class)))
    @ApiResponse(responseCode = "200", description = "The account already was a member.",
            content = @Content(schema = @Schema(implementation = MemberResponse.class)))
    @ApiResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN, description = "Only the owner adds members.")
    public Response add(@PathParam("id") @Parameter(description = "The channel's id.", schema = @Schema(
                    pattern = CHANNEL_ID, maxLength = 31)) String id,
            @PathParam("account_id") @Parameter(description = "The member's account id.", schema = @Schema(
                    pattern = ACCOUNT_ID, maxLength = 31)) String accountId,
            @Context SecurityContext security) {
        AuthenticatedSession caller = caller(security);
        ChannelId channelId = new ChannelId(id);
        AccountId account = accountIdOf(accountId);
        boolean added = posts.addMember(caller, channelId, account);
        MemberResponse body = MemberResponse.of(posts.getMember(caller, channelId, account));
        if (added) {
            return Response.created(UriBuilder.fromResource(ChannelMembersResource.class)
                    .path("{id}/members/{account_id}").build(id, accountId)).entity(body).build();
        }
        return Response.ok(body).build();
    }

    @DELETE
    @Path("{id}/members/{account_id}")
    @Operation(operationId = "removeChannelMember", summary = "Remove a member, or leave",
            description = "The owner removes any member but itself; a member removes itself, which is leaving the"
                    + " channel. The owner cannot leave (409 owner_cannot_leave): it deletes the channel instead.")
    @ApiResponse(responseCode = "204", description = "The account is no longer a member.")
    @ApiResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN,
            description = "Only the owner removes other members.")
    @ApiResponse(responseCode = "409", ref = ProblemResponses.CONFLICT,
            description = "The owner cannot be removed, nor leave.")
    public Response remove(@PathParam("id") @Parameter(description = "The channel's id.", schema = @Schema(
                    pattern = CHANNEL_ID, maxLength = 31)) String id,
            @PathParam("account_id") @Parameter(description = "The member's account id.", schema = @Schema(
                    pattern = ACCOUNT_ID, maxLength = 31)) String accountId,
            @Context SecurityContext security) {
        AuthenticatedSession caller = caller(security);
        ChannelId channelId = new ChannelId(id);
        AccountId account = accountIdOf(accountId);
        if (account.equals(caller.accountId())) {
            posts.leaveChannel(caller, channelId);
        } else {
            posts.removeMember(caller, channelId, account);
        }
        return Response.noContent().build();
    }

    private static AccountId accountIdOf(String value) {
        if (!Ids.isValid(AccountId.PREFIX, value)) {
            throw ValidationException.of("account_id", "malformed_id", "is not a well-formed acct_ identifier");
        }
        return new AccountId(value);
    }

    private static AuthenticatedSession caller(SecurityContext security) {
        return PostResource.caller(security);
    }
}
