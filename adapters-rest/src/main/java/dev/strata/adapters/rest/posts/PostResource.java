package dev.strata.adapters.rest.posts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.http.Authenticated;
import dev.strata.adapters.rest.http.AuthenticationFilter;
import dev.strata.adapters.rest.http.HttpProblem;
import dev.strata.adapters.rest.http.IdempotencyKeys;
import dev.strata.adapters.rest.http.MediaTypes;
import dev.strata.adapters.rest.http.Preconditions;
import dev.strata.adapters.rest.http.Prefer;
import dev.strata.adapters.rest.http.Representations;
import dev.strata.core.common.Created;
import dev.strata.core.common.IdempotencyKey;
import dev.strata.core.common.ValidationException;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.posts.Post;
import dev.strata.core.posts.PostId;
import dev.strata.core.posts.PostService;
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
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /v1/posts}: publishing public posts, reading, editing and deleting a post, and searching
 * every post the caller may read ({@code GET /v1/posts?q=...}). A post the caller may not read is
 * a 404; one it may read but did not write is a 403 to change.
 */
@Path("/v1/posts")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public final class PostResource {

    private final PostService posts;

    public PostResource(PostService posts) {
        this.posts = posts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewPostRequest body, @Context HttpHeaders headers, @Context SecurityContext security) {
        Optional<IdempotencyKey> key = IdempotencyKeys.from(headers);
        if (body == null) {
            throw ValidationException.of("body", "required", "a JSON object with a body");
        }
        return created(posts.createPost(caller(security), body.body(), key), headers);
    }

    @GET
    public Response search(@Context UriInfo uri, @Context Request request, @Context SecurityContext security) {
        PostListRequest list = PostListRequest.read(uri);
        return list.respond(request, uri, posts.searchPosts(caller(security), list.query()));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @Context SecurityContext security, @Context Request request) {
        Post post = posts.getPost(caller(security), new PostId(id));
        return Representations.read(request, PostResponse.tagOf(post), PostResponse.of(post));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaTypes.MERGE_PATCH_JSON)
    public Response patch(@PathParam("id") String id, JsonNode patch, @Context SecurityContext security,
            @Context HttpHeaders headers) {
        AuthenticatedSession caller = caller(security);
        PostId postId = new PostId(id);
        // Who may change it first, then against which version: a non-author gets 403, never 412.
        Post current = posts.getOwnPost(caller, postId);
        Preconditions.requireIfMatch(headers, PostResponse.tagOf(current));
        Optional<String> body = PostPatch.read(patch);
        Post updated = body.isPresent() ? posts.editPost(caller, postId, body.get(), current.version()) : current;
        return Prefer.written(headers, Response.Status.OK, locationOf(updated), PostResponse.tagOf(updated),
                PostResponse.of(updated));
    }

    /** A PATCH in any other media type: 415, saying which one this resource takes. */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    public Response patchInAnotherMediaType() {
        throw new HttpProblem(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "a post is patched with " + MediaTypes.MERGE_PATCH_JSON,
                Map.of("Accept-Patch", MediaTypes.MERGE_PATCH_JSON));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        posts.deletePost(caller(security), new PostId(id));
        return Response.noContent().build();
    }

    /**
     * 201 for a new post and for a replay of one alike (with {@code Idempotent-Replayed}), or 204
     * when the client prefers {@code return=minimal}.
     */
    static Response created(Created<Post> created, HttpHeaders headers) {
        Post post = created.value();
        Response written = Prefer.written(headers, Response.Status.CREATED, locationOf(post), PostResponse.tagOf(post),
                PostResponse.of(post));
        return IdempotencyKeys.markReplay(Response.fromResponse(written), created).build();
    }

    private static URI locationOf(Post post) {
        return UriBuilder.fromResource(PostResource.class).path(post.id().value()).build();
    }

    static AuthenticatedSession caller(SecurityContext security) {
        return AuthenticationFilter.callerOf(security);
    }
}
