package dev.strata.adapters.rest.posts;

import dev.strata.adapters.rest.http.ListResponse;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.List;

/**
 * The shapes of the posts lists ({@link ListResponse} of posts and of members) for the OpenAPI
 * document: swagger cannot name an instance of a generic type in an annotation. Never serialized.
 */
final class PostListShapes {

    private PostListShapes() {
    }

    @Schema(name = "PostList", description = "A page of posts, newest first.")
    record PostList(
            @ArraySchema(arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED), maxItems = 100,
                    schema = @Schema(implementation = PostResponse.class)) List<PostResponse> data,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Whether more posts follow.") boolean hasMore,
            @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true, maxLength = 4096, format = "uri-reference",
                    description = "The URL of the next page, or null on the last page.") String next) {
    }

    @Schema(name = "MemberList", description = "A page of a channel's members.")
    record MemberList(
            @ArraySchema(arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED), maxItems = 100,
                    schema = @Schema(implementation = MemberResponse.class)) List<MemberResponse> data,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Whether more members follow.") boolean hasMore,
            @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true, maxLength = 4096, format = "uri-reference",
                    description = "The URL of the next page, or null on the last page.") String next) {
    }

    @Schema(name = "ChannelList", description = "A page of the caller's channels.")
    record ChannelList(
            @ArraySchema(arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED), maxItems = 100,
                    schema = @Schema(implementation = ChannelResponse.class)) List<ChannelResponse> data,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Whether more channels follow.") boolean hasMore,
            @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true, maxLength = 4096, format = "uri-reference",
                    description = "The URL of the next page, or null on the last page.") String next) {
    }
}
