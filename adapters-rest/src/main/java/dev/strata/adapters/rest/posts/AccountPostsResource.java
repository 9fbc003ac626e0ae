package dev.strata.adapters.rest.posts;

import dev.strata.adapters.rest.http.Authenticated;
import dev.strata.core.identity.AccountId;
import dev.strata.core.posts.PostService;
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
public final class AccountPostsResource {

    private final PostService posts;

    public AccountPostsResource(PostService posts) {
        this.posts = posts;
    }

    @GET
    public Response list(@PathParam("id") String id, @Context UriInfo uri, @Context Request request,
            @Context SecurityContext security) {
        AccountId author = new AccountId(id);
        PostListRequest list = PostListRequest.read(uri);
        return list.respond(request, uri, posts.listAccountPosts(PostResource.caller(security), author, list.query()));
    }
}
