package dev.strata.adapters.rest.posts;

import dev.strata.adapters.rest.docs.ListOperation;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a GET that answers a post list read by {@link PostListRequest}: the document then names the
 * parameters of a post list once, here, for every such list (search, an account's posts, a
 * channel's posts).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ListOperation(parameters = {"limit", "page_token", "last_id", "between", "created_at", "q", "post_fields"})
@interface PostListOperation {
}
