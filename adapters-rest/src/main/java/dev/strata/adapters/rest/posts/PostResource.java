package dev.strata.adapters.rest.posts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.docs.IdempotentCreation;
import dev.strata.adapters.rest.docs.ProblemResponses;
import dev.strata.adapters.rest.docs.WrittenRepresentation;
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
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
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
@Tag(name = "Posts", description = "Public posts: publishing, reading, editing, deleting and searching.")
public final class PostResource {

    private final PostService posts;

    public PostResource(PostService posts) {
        this.posts = posts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPost", summary = "Publish a public post",
            description = "Idempotent with Idempotency-Key: a retry returns the original response.")
    @IdempotentCreation
    @ApiResponse(responseCode = "201", description = "The post was created (or this is a replay).",
            content = @Content(schema = @Schema(implementation = PostResponse.class)))
    public Response create(NewPostRequest body, @Context HttpHeaders headers, @Context SecurityContext security) {
        Optional<IdempotencyKey> key = IdempotencyKeys.from(headers);
        if (body == null) {
            throw ValidationException.of("body", "required", "a JSON object with a body");
        }
        AuthenticatedSession caller = caller(security);
        return created(key.map(given -> posts.createPost(caller, body.body(), given))
                .orElseGet(() -> posts.createPost(caller, body.body())), headers);
    }

    @GET
    @Operation(operationId = "searchPosts", summary = "Search posts",
            description = "Every post the caller may read (public posts and posts of its channels), newest first.")
    @PostListOperation
    @ApiResponse(responseCode = "200", description = "A page of posts; Link names the first, previous and next pages.",
            content = @Content(schema = @Schema(implementation = PostListShapes.PostList.class)))
    public Response search(@Context UriInfo uri, @Context Request request, @Context SecurityContext security) {
        return PostListRequest.list(uri, request, query -> posts.searchPosts(caller(security), query));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getPost", summary = "Read a post",
            description = "A public post, or a post of a channel the caller is a member of; else 404.")
    @ApiResponse(responseCode = "200", description = "The post.",
            content = @Content(schema = @Schema(implementation = PostResponse.class)))
    public Response get(@PathParam("id") @Parameter(description = "The post's id.", schema = @Schema(
                    pattern = "^post_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 31)) String id,
            @Context SecurityContext security, @Context Request request) {
        Post post = posts.getPost(caller(security), new PostId(id));
        return Representations.read(request, PostResponse.tagOf(post), PostResponse.of(post));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaTypes.MERGE_PATCH_JSON)
    @Operation(operationId = "editPost", summary = "Edit a post",
            description = "An RFC 7396 merge patch of the body, by the author only, against the version in If-Match.",
            parameters = {
                    @Parameter(in = ParameterIn.HEADER, name = "If-Match", required = true,
                            ref = ProblemResponses.IF_MATCH_PARAMETER)},
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaTypes.MERGE_PATCH_JSON,
                    schema = @Schema(implementation = NewPostRequest.class))))
    @WrittenRepresentation(minimal = "Edited; Prefer: return=minimal asked for no body.")
    @ApiResponse(responseCode = "200", description = "The edited post.",
            content = @Content(schema = @Schema(implementation = PostResponse.class)))
    @ApiResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN, description = "Only the author edits a post.")
    @ApiResponse(responseCode = "412", ref = ProblemResponses.PRECONDITION_FAILED, description = "Stale If-Match.")
    @ApiResponse(responseCode = "428", ref = ProblemResponses.PRECONDITION_REQUIRED, description = "No If-Match.")
    public Response patch(@PathParam("id") @Parameter(description = "The post's id.", schema = @Schema(
                    pattern = "^post_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 31)) String id,
            @Parameter(hidden = true) JsonNode patch, @Context SecurityContext security,
            @Context HttpHeaders headers) {
        AuthenticatedSession caller = caller(security);
        PostId postId = new PostId(id);
        // Who may change it first, then against which version: a non-author gets 403, never 412.
        Post current = posts.getOwnPost(caller, postId);
        Preconditions.requireIfMatch(headers, PostResponse.tagOf(current));
        Post updated = posts.editPost(caller, postId, PostPatch.read(patch), current.version());
        return Prefer.written(headers, Response.Status.OK, locationOf(updated), PostResponse.tagOf(updated),
                PostResponse.of(updated));
    }

    /** A PATCH in any other media type: 415, saying which one this resource takes. */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    @Hidden
    public Response patchInAnotherMediaType() {
        throw new HttpProblem(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "a post is patched with " + MediaTypes.MERGE_PATCH_JSON,
                Map.of("Accept-Patch", MediaTypes.MERGE_PATCH_JSON));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deletePost", summary = "Delete a post", description = "By its author only.")
    @ApiResponse(responseCode = "204", description = "The post is gone.")
    @ApiResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN,
            description = "Only the author deletes a post.")
    public Response delete(@PathParam("id") @Parameter(description = "The post's id.", schema = @Schema(
                    pattern = "^post_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 31)) String id,
            @Context SecurityContext security) {
        posts.deletePost(caller(security), new PostId(id));
        return Response.noContent().build();
    }

    /**
     * 201 for a new post and for a replay of one alike (with {@code Idempotent-Replayed}), or 204
     * when the client prefers {@code return=minimal}.
     */
    static Response created(Created<Post> created, HttpHeaders headers) {
        Post post = created.value();
        return IdempotencyKeys.created(headers, created, locationOf(post), PostResponse.tagOf(post),
                PostResponse.of(post));
    }

    private static URI locationOf(Post post) {
        return UriBuilder.fromResource(PostResource.class).path(post.id().value()).build();
    }

    static AuthenticatedSession caller(SecurityContext security) {
        return AuthenticationFilter.callerOf(security);
    }
}
