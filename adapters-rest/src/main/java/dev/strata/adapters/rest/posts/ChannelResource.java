package dev.strata.adapters.rest.posts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.docs.IdempotentCreation;
import dev.strata.adapters.rest.docs.ListOperation;
import dev.strata.adapters.rest.docs.ProblemResponses;
import dev.strata.adapters.rest.docs.TextRules;
import dev.strata.adapters.rest.docs.WrittenRepresentation;
import dev.strata.adapters.rest.http.Authenticated;
import dev.strata.adapters.rest.http.HttpProblem;
import dev.strata.adapters.rest.http.IdempotencyKeys;
import dev.strata.adapters.rest.http.ListPages;
import dev.strata.adapters.rest.http.ListParameters;
import dev.strata.adapters.rest.http.MediaTypes;
import dev.strata.adapters.rest.http.Preconditions;
import dev.strata.adapters.rest.http.Prefer;
import dev.strata.adapters.rest.http.Representations;
import dev.strata.core.common.Created;
import dev.strata.core.common.IdempotencyKey;
import dev.strata.core.common.Page;
import dev.strata.core.common.ValidationException;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.posts.Channel;
import dev.strata.core.posts.ChannelId;
import dev.strata.core.posts.PostService;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.Explode;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
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
import java.util.Set;

/**
 * {@code /v1/channels}: the caller's channels, creating, renaming and deleting a channel, and its
 * posts ({@link ChannelMembersResource} has its members). Everything about a channel is for its
 * members: anyone else gets a 404, as if it did not exist; a member who is not the owner gets a 403
 * for renaming or deleting it.
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
    @Operation(operationId = "listChannels", summary = "List the caller's channels",
            description = "The channels the caller owns or is a member of, newest first by default, paged by cursor"
                    + " (page_token) or offset.",
            parameters = {
                    @Parameter(in = ParameterIn.QUERY, name = "sort", description = "created_at, ascending (+, the"
                            + " default) or descending (-).", schema = @Schema(maxLength = 11,
                            pattern = "^[+-]?created_at$", example = "-created_at")),
                    @Parameter(in = ParameterIn.QUERY, name = "name", explode = Explode.TRUE,
                            description = "eq (the default) or like (* is any run of characters) over the name."
                                    + FILTERS,
                            array = @ArraySchema(maxItems = ListParameters.MAX_FILTER_REPEATS, schema = @Schema(
                                    maxLength = ListParameters.MAX_EXPRESSION_LENGTH,
                                    pattern = "^((eq|like):)?(?![a-z]+:)[^\\u0000]+$", example = "like:eng*"))),
                    @Parameter(in = ParameterIn.QUERY, name = "created_at", explode = Explode.TRUE,
                            description = "<op>:<instant> with op in eq, ne, gt, gte, lt, lte, in." + FILTERS,
                            array = @ArraySchema(maxItems = ListParameters.MAX_FILTER_REPEATS, schema = @Schema(
                                    maxLength = ListParameters.MAX_EXPRESSION_LENGTH,
                                    pattern = "^(((eq|ne|gt|gte|lt|lte):)?" + TextRules.INSTANT + "|in:"
                                            + TextRules.INSTANT + "(," + TextRules.INSTANT + "){0,99})$",
                                    example = "gte:2026-01-01T00:00:00Z")))})
    @ListOperation(parameters = {"limit", "page_token", "offset"})
    @ApiResponse(responseCode = "200", description = "A page of channels; Link names the first, previous and next.",
            content = @Content(schema = @Schema(implementation = PostListShapes.ChannelList.class)))
    public Response list(@Context SecurityContext security, @Context UriInfo uri, @Context Request request) {
        ListParameters parameters = ListParameters.read(uri.getQueryParameters(), PostService.CHANNEL_QUERY, Set.of());
        Page<Channel> page = posts.listChannels(caller(security), parameters.query());
        return ListPages.respond(request, uri, PostService.CHANNEL_QUERY, parameters, page,
                PostService::channelSortValue, channel -> channel.id().value(), ChannelResponse::of);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaTypes.MERGE_PATCH_JSON)
    @Operation(operationId = "renameChannel", summary = "Rename a channel",
            description = "An RFC 7396 merge patch of the name, by the owner only, against the version in If-Match.",
            parameters = {
                    @Parameter(in = ParameterIn.HEADER, name = "If-Match", required = true,
                            ref = ProblemResponses.IF_MATCH_PARAMETER)},
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaTypes.MERGE_PATCH_JSON,
                    schema = @Schema(implementation = NewChannelRequest.class))))
    @WrittenRepresentation(minimal = "Renamed; Prefer: return=minimal asked for no body.")
    @ApiResponse(responseCode = "200", description = "The renamed channel.",
            content = @Content(schema = @Schema(implementation = ChannelResponse.class)))
    @ApiResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN, description = "Only the owner renames it.")
    @ApiResponse(responseCode = "412", ref = ProblemResponses.PRECONDITION_FAILED, description = "Stale If-Match.")
    @ApiResponse(responseCode = "428", ref = ProblemResponses.PRECONDITION_REQUIRED, description = "No If-Match.")
    public Response rename(@PathParam("id") @Parameter(description = "The channel's id.", schema = @Schema(
                    pattern = "^chan_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 31)) String id,
            @Parameter(hidden = true) JsonNode patch, @Context SecurityContext security,
            @Context HttpHeaders headers) {
        AuthenticatedSession caller = caller(security);
        ChannelId channelId = new ChannelId(id);
        // Who may change it first, then against which version: a member gets 403, never 412.
        Channel current = posts.getOwnChannel(caller, channelId);
        Preconditions.requireIfMatch(headers, ChannelResponse.tagOf(current));
        Channel renamed = posts.renameChannel(caller, channelId,
                PostPatch.readText(patch, "name", CHANNEL_READ_ONLY, "channel"), current.version());
        return Prefer.written(headers, Response.Status.OK, channelUri(channelId), ChannelResponse.tagOf(renamed),
                ChannelResponse.of(renamed));
    }

    /** A PATCH in any other media type: 415, saying which one this resource takes. */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    @Hidden
    public Response renameInAnotherMediaType() {
        throw new HttpProblem(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "a channel is patched with " + MediaTypes.MERGE_PATCH_JSON,
                Map.of("Accept-Patch", MediaTypes.MERGE_PATCH_JSON));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteChannel", summary = "Delete a channel",
            description = "By its owner only; its posts (whoever wrote them) and its memberships go with it.")
    @ApiResponse(responseCode = "204", description = "The channel is gone.")
    @ApiResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN, description = "Only the owner deletes it.")
    public Response delete(@PathParam("id") @Parameter(description = "The channel's id.", schema = @Schema(
                    pattern = "^chan_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 31)) String id,
            @Context SecurityContext security) {
        posts.deleteChannel(caller(security), new ChannelId(id));
        return Response.noContent().build();
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

    private static final String FILTERS = " Repeatable (the filters combine with AND).";

    /** What a channel's merge patch may not write. */
    private static final Set<String> CHANNEL_READ_ONLY = Set.of("id", "owner_id", "created_at", "version", "_links");

    private static URI channelUri(ChannelId id) {
        return UriBuilder.fromResource(ChannelResource.class).path(id.value()).build();
    }

    private static AuthenticatedSession caller(SecurityContext security) {
        return PostResource.caller(security);
    }
}
