package dev.strata.adapters.rest.posts;

import dev.strata.adapters.rest.http.Authenticated;
import dev.strata.adapters.rest.http.IdempotencyKeys;
import dev.strata.adapters.rest.http.ListResponse;
import dev.strata.adapters.rest.http.Prefer;
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
public final class ChannelResource {

    private final PostService posts;

    public ChannelResource(PostService posts) {
        this.posts = posts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewChannelRequest body, @Context HttpHeaders headers, @Context SecurityContext security) {
        Optional<IdempotencyKey> key = IdempotencyKeys.from(headers);
        if (body == null) {
            throw ValidationException.of("body", "required", "a JSON object with a name");
        }
        Created<Channel> created = posts.createChannel(caller(security), body.name(), key);
        Channel channel = created.value();
        Response written = Prefer.written(headers, Response.Status.CREATED, channelUri(channel.id()),
                ChannelResponse.tagOf(channel), ChannelResponse.of(channel));
        return IdempotencyKeys.markReplay(Response.fromResponse(written), created).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @Context SecurityContext security, @Context Request request) {
        Channel channel = posts.getChannel(caller(security), new ChannelId(id));
        return Representations.read(request, ChannelResponse.tagOf(channel), ChannelResponse.of(channel));
    }

    /** Adds a member: 201 when it was added, 200 when it already was one. */
    @PUT
    @Path("{id}/members/{account_id}")
    public Response addMember(@PathParam("id") String id, @PathParam("account_id") String accountId,
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
    public Response removeMember(@PathParam("id") String id, @PathParam("account_id") String accountId,
            @Context SecurityContext security) {
        posts.removeMember(caller(security), new ChannelId(id), accountIdOf(accountId));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/members")
    public Response members(@PathParam("id") String id, @Context SecurityContext security, @Context Request request) {
        List<Member> members = posts.listMembers(caller(security), new ChannelId(id));
        return Representations.readList(request, ListResponse.complete(members.stream().map(MemberResponse::of).toList()));
    }

    @POST
    @Path("{id}/posts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createPost(@PathParam("id") String id, NewPostRequest body, @Context HttpHeaders headers,
            @Context SecurityContext security) {
        Optional<IdempotencyKey> key = IdempotencyKeys.from(headers);
        ChannelId channelId = new ChannelId(id);
        if (body == null) {
            throw ValidationException.of("body", "required", "a JSON object with a body");
        }
        return PostResource.created(posts.createChannelPost(caller(security), channelId, body.body(), key), headers);
    }

    @GET
    @Path("{id}/posts")
    public Response posts(@PathParam("id") String id, @Context UriInfo uri, @Context Request request,
            @Context SecurityContext security) {
        ChannelId channelId = new ChannelId(id);
        PostListRequest list = PostListRequest.read(uri);
        return list.respond(request, uri, posts.listChannelPosts(caller(security), channelId, list.query()));
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
