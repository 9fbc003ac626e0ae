package dev.strata.adapters.rest.posts;

import dev.strata.adapters.rest.docs.IdempotentCreation;
import dev.strata.adapters.rest.docs.ProblemResponses;
import dev.strata.adapters.rest.http.Authenticated;
import dev.strata.adapters.rest.http.IdempotencyKeys;
import dev.strata.adapters.rest.http.ListResponse;
import dev.strata.adapters.rest.http.Representations;
import dev.strata.core.common.Created;
import dev.strata.core.common.IdempotencyKey;
import dev.strata.core.common.Ids;
import dev.strata.core.common.ValidationException;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.posts.Channel;
import dev.strata.core.posts.ChannelId;
import dev.strata.core.posts.Member;
import dev.strata.core.posts.PostService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * {@code /v1/channels}: creating a channel, its members (the owner adds and removes them) and its
 * posts. Everything about a channel is for its members: anyone else gets a 404, as if it did not
 * exist; a member who is not the owner gets a 403 for changing the members.
 */
@Path("/v1/channels")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Channels", description = "Channels, their members and their members-only posts.")
public final class ChannelResource {

    private final PostService posts;

    public ChannelResource(PostService posts) {
        this.posts = posts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createChannel", summary = "Create a channel",
            description = "The caller becomes its owner and first member. Idempotent with Idempotency-Key.")
    @IdempotentCreation
    @ApiResponse(responseCode = "201", description = "The channel was created (or this is a replay).",
            content = @Content(schema = @Schema(implementation = ChannelResponse.class)))
    public Response create(NewChannelRequest body, @Context HttpHeaders headers, @Context SecurityContext security) {
        Optional<IdempotencyKey> key = IdempotencyKeys.from(headers);
        if (body == null) {
            throw ValidationException.of("body", "required", "a JSON object with a name");
        }
        AuthenticatedSession caller = caller(security);
        Created<Channel> created = key.map(given -> posts.createChannel(caller, body.name(), given))
                .orElseGet(() -> posts.createChannel(caller, body.name()));
        Channel channel = created.value();
        return IdempotencyKeys.created(headers, created, channelUri(channel.id()), ChannelResponse.tagOf(channel),
                ChannelResponse.of(channel));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getChannel", summary = "Read a channel", description = "For its members; else 404.")
    @ApiResponse(responseCode = "200", description = "The channel.",
            content = @Content(schema = @Schema(implementation = ChannelResponse.class)))
    public Response get(@PathParam("id") @Parameter(description = "The channel's id.", schema = @Schema(
                    pattern = "^chan_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 31)) String id,
            @Context SecurityContext security, @Context Request request) {
        Channel channel = posts.getChannel(caller(security), new ChannelId(id));
        return Representations.read(request, ChannelResponse.tagOf(channel), ChannelResponse.of(channel));
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
    public Response addMember(@PathParam("id") @Parameter(description = "The channel's id.", schema = @Schema(
                    pattern = "^chan_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 31)) String id,
            @PathParam("account_id") @Parameter(description = "The member's account id.", schema = @Schema(
                    pattern = "^acct_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 31)) String accountId,
            @Context SecurityContext security) {
        AuthenticatedSession caller = caller(security);
        ChannelId channelId = new ChannelId(id);
        AccountId member = accountIdOf(accountId);
        boolean added = posts.addMember(caller, channelId, member);
        MemberResponse body = posts.listMembers(caller, channelId).stream()
                .filter(candidate -> candidate.accountId().equals(member))
                .findFirst().map(MemberResponse::of)
                .orElseThrow(() -> new IllegalStateException("a member just added is not listed"));
        if (added) {
            return Response.created(UriBuilder.fromResource(ChannelResource.class)
                    .path("{id}/members/{account_id}").build(id, accountId)).entity(body).build();
        }
        return Response.ok(body).build();
    }

    @DELETE
    @Path("{id}/members/{account_id}")
    @Operation(operationId = "removeChannelMember", summary = "Remove a member",
            description = "By the channel's owner.")
    @ApiResponse(responseCode = "204", description = "The account is no longer a member.")
    @ApiResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN,
            description = "Only the owner removes members.")
    @ApiResponse(responseCode = "409", ref = ProblemResponses.CONFLICT, description = "The owner cannot be removed.")
    public Response removeMember(@PathParam("id") @Parameter(description = "The channel's id.", schema = @Schema(
                    pattern = "^chan_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 31)) String id,
            @PathParam("account_id") @Parameter(description = "The member's account id.", schema = @Schema(
                    pattern = "^acct_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 31)) String accountId,
            @Context SecurityContext security) {
        posts.removeMember(caller(security), new ChannelId(id), accountIdOf(accountId));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/members")
    @Operation(operationId = "listChannelMembers", summary = "List a channel's members", description = "For members.")
    @ApiResponse(responseCode = "200", description = "The members, on one page.",
            content = @Content(schema = @Schema(implementation = PostListShapes.MemberList.class)))
    public Response members(@PathParam("id") @Parameter(description = "The channel's id.", schema = @Schema(
                    pattern = "^chan_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 31)) String id,
            @Context SecurityContext security, @Context Request request) {
        List<Member> members = posts.listMembers(caller(security), new ChannelId(id));
        return Representations.readList(request, ListResponse.complete(members.stream().map(MemberResponse::of).toList()));
    }

    @POST
    @Path("{id}/posts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createChannelPost", summary = "Post in a channel",
            description = "For members; the post is visible to members only. Idempotent with Idempotency-Key.")
    @IdempotentCreation
    @ApiResponse(responseCode = "201", description = "The post was created (or this is a replay).",
            content = @Content(schema = @Schema(implementation = PostResponse.class)))
    public Response createPost(@PathParam("id") @Parameter(description = "The channel's id.", schema = @Schema(
                    pattern = "^chan_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 31)) String id,
            NewPostRequest body, @Context HttpHeaders headers,
            @Context SecurityContext security) {
        Optional<IdempotencyKey> key = IdempotencyKeys.from(headers);
        ChannelId channelId = new ChannelId(id);
        if (body == null) {
            throw ValidationException.of("body", "required", "a JSON object with a body");
        }
        AuthenticatedSession caller = caller(security);
        return PostResource.created(key.map(given -> posts.createChannelPost(caller, channelId, body.body(), given))
                .orElseGet(() -> posts.createChannelPost(caller, channelId, body.body())), headers);
    }

    @GET
    @Path("{id}/posts")
    @Operation(operationId = "listChannelPosts", summary = "List a channel's posts", description = "For members;"
            + " newest first.")
    @PostListOperation
    @ApiResponse(responseCode = "200", description = "A page of posts; Link names the first, previous and next pages.",
            content = @Content(schema = @Schema(implementation = PostListShapes.PostList.class)))
    public Response posts(@PathParam("id") @Parameter(description = "The channel's id.", schema = @Schema(
                    pattern = "^chan_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 31)) String id,
            @Context UriInfo uri, @Context Request request,
            @Context SecurityContext security) {
        ChannelId channelId = new ChannelId(id);
        return PostListRequest.list(uri, request,
                query -> posts.listChannelPosts(caller(security), channelId, query));
    }

    private static AccountId accountIdOf(String value) {
        if (!Ids.isValid(AccountId.PREFIX, value)) {
            throw ValidationException.of("account_id", "malformed_id", "is not a well-formed acct_ identifier");
        }
        return new AccountId(value);
    }

    private static URI channelUri(ChannelId id) {
        return UriBuilder.fromResource(ChannelResource.class).path(id.value()).build();
    }

    private static AuthenticatedSession caller(SecurityContext security) {
        return PostResource.caller(security);
    }
}
