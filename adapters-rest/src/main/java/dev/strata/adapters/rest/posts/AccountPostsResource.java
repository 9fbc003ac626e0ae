package dev.strata.adapters.rest.posts;

import dev.strata.adapters.rest.http.Authenticated;
import dev.strata.core.identity.AccountId;
import dev.strata.core.posts.PostService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET /v1/accounts/{id}/posts}: an account's posts that the caller may read (its public
 * posts, and its posts in channels the caller is a member of). An unknown account is a 404.
 */
@Path("/v1/accounts/{id}/posts")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Posts")
public final class AccountPostsResource {

    private final PostService posts;

    public AccountPostsResource(PostService posts) {
        this.posts = posts;
    }

    @GET
    @Operation(operationId = "listAccountPosts", summary = "List an account's posts",
            description = "Its public posts, and its posts in channels the caller is a member of; newest first.")
    @PostListOperation
    @ApiResponse(responseCode = "200", description = "A page of posts; Link names the first, previous and next pages.",
            content = @Content(schema = @Schema(implementation = PostListShapes.PostList.class)))
    public Response list(@PathParam("id") @Parameter(description = "The author's account id.", schema = @Schema(
                    pattern = "^acct_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 31)) String id,
            @Context UriInfo uri, @Context Request request,
            @Context SecurityContext security) {
        AccountId author = new AccountId(id);
        return PostListRequest.list(uri, request,
                query -> posts.listAccountPosts(PostResource.caller(security), author, query));
    }
}
