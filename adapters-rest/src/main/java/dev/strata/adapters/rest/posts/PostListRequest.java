package dev.strata.adapters.rest.posts;

import dev.strata.adapters.rest.http.ListPages;
import dev.strata.adapters.rest.http.ListParameters;
import dev.strata.core.common.FieldError;
import dev.strata.core.common.Filter;
import dev.strata.core.common.Ids;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.Page;
import dev.strata.core.common.QueryOperator;
import dev.strata.core.common.ValidationException;
import dev.strata.core.posts.Post;
import dev.strata.core.posts.PostId;
import dev.strata.core.posts.PostQuery;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The query string of a post list, read on top of the shared list machinery
 * ({@link ListParameters}, {@link ListPages}: {@code created_at=<op>:<instant>} filters,
 * {@code fields}, {@code limit}, bound {@code page_token}s, {@code Link} headers, ETags), plus what
 * only post lists take: {@code between=<from>_<to>} (half-open, UTC dates or RFC 3339 instants),
 * {@code q} (text in the body, ignoring case) and the seed-style {@code last_id} cursor. Post lists
 * are always newest first, so {@code sort} and {@code offset} are not among their parameters.
 */
final class PostListRequest {

    /** The parameters of a post list, named to a client that sends any other. */
    private static final List<String> PARAMETERS =
            List.of("between", "created_at", "fields", "last_id", "limit", "page_token", "q");
    private static final Set<String> OWN = Set.of("between", "q");
    private static final String LAST_ID = "last_id";
    private static final int MAX_QUERY_TEXT_LENGTH = 200;

    private final ListParameters parameters;
    private final PostQuery query;

    private PostListRequest(ListParameters parameters, PostQuery query) {
        this.parameters = parameters;
        this.query = query;
    }

    /**
     * Reads and checks the list parameters of a request.
     *
     * @throws ValidationException naming every bad parameter at once
     */
    static PostListRequest read(UriInfo uri) {
        MultivaluedMap<String, String> all = uri.getQueryParameters();
        List<FieldError> errors = new ArrayList<>();
        for (String name : all.keySet()) {
            if (!PARAMETERS.contains(name)) {
                errors.add(new FieldError(name, "unknown_parameter",
                        "is not a parameter of a post list; use " + String.join(", ", PARAMETERS)));
            }
        }
        for (String single : List.of("between", "q", LAST_ID)) {
            if (all.containsKey(single) && all.get(single).size() > 1) {
                errors.add(new FieldError(single, "repeated_parameter", "is given more than once"));
            }
        }
        if (all.containsKey(LAST_ID) && all.containsKey(ListParameters.PAGE_TOKEN)) {
            errors.add(new FieldError(LAST_ID, "conflicting_parameters", "cannot be used together with page_token"));
        }
        throwIf(errors);

        // last_id starts a list where a client left off; links then page on by token, not by it.
        MultivaluedMap<String, String> shared = new MultivaluedHashMap<>(all);
        shared.remove(LAST_ID);
        ListParameters parameters = ListParameters.read(shared, PostQuery.SCHEMA, OWN);

        // between is two created_at conditions more, so that core makes one window of them all.
        ListQuery window = parameters.query();
        String between = all.getFirst("between");
        if (between != null) {
            for (Filter filter : between(between, errors)) {
                window = window.and(filter);
            }
        }
        Optional<String> text = Optional.ofNullable(all.getFirst("q")).map(q -> checkText(q, errors));
        Optional<PostId> lastId = Optional.ofNullable(all.getFirst(LAST_ID)).map(id -> lastIdOf(id, errors));
        throwIf(errors);

        PostQuery query = PostQuery.of(window);
        if (text.isPresent()) {
            query = query.containing(text.get());
        }
        if (window.cursor().isEmpty() && lastId.isPresent()) {
            query = query.afterPost(lastId.get());
        }
        return new PostListRequest(parameters, query);
    }

    PostQuery query() {
        return query;
    }

    /**
     * What every post list does: reads and checks the parameters, lists with the query they make,
     * and answers the page as {@link #respond(Request, UriInfo, Page)} does.
     */
    static Response list(UriInfo uri, Request request, Function<PostQuery, Page<Post>> lister) {
        PostListRequest list = read(uri);
        return list.respond(request, uri, lister.apply(list.query()));
    }

    /**
     * 200 with {@code {"data", "has_more", "next"}}, an {@code ETag} and a {@code Link} header
     * ({@code next}, {@code prev} and {@code first}, as they exist); or 304 when
     * {@code If-None-Match} names the tag.
     */
    Response respond(Request request, UriInfo uri, Page<Post> page) {
        return ListPages.respond(request, uri, PostQuery.SCHEMA, parameters, page,
                PostQuery::sortValue, post -> post.id().value(), PostResponse::of);
    }

    private static PostId lastIdOf(String value, List<FieldError> errors) {
        if (!Ids.isValid(PostId.PREFIX, value)) {
            errors.add(new FieldError(LAST_ID, "malformed_id", "is not a well-formed post_ identifier"));
            return null;
        }
        return new PostId(value);
    }

    private static String checkText(String text, List<FieldError> errors) {
        if (text.isBlank()) {
            errors.add(new FieldError("q", "required", "must not be blank"));
        } else if (text.codePointCount(0, text.length()) > MAX_QUERY_TEXT_LENGTH) {
            errors.add(new FieldError("q", "too_long", "must be at most " + MAX_QUERY_TEXT_LENGTH + " characters"));
        }
        return text.strip();
    }

    private static void throwIf(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /**
     * {@code between=<from>_<to>} as the two conditions it stands for, {@code created_at >= from}
     * and {@code created_at < to} (half-open); none, with the errors recorded, when it is malformed.
     */
    private static List<Filter> between(String value, List<FieldError> errors) {
        String[] ends = value.split("_", -1);
        if (ends.length != 2) {
            errors.add(new FieldError("between", "invalid_range",
                    "must be <from>_<to>, each a UTC date (2026-01-01) or an RFC 3339 instant"));
            return List.of();
        }
        Optional<Instant> from = Times.parse("between", ends[0], errors);
        Optional<Instant> to = Times.parse("between", ends[1], errors);
        if (from.isEmpty() || to.isEmpty()) {
            return List.of();
        }
        if (!to.get().isAfter(from.get())) {
            errors.add(new FieldError("between", "invalid_range", "must end after it starts"));
            return List.of();
        }
        return List.of(new Filter("created_at", QueryOperator.GTE, List.of(from.get())),
                new Filter("created_at", QueryOperator.LT, List.of(to.get())));
    }
}
