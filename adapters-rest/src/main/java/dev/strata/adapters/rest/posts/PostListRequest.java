package dev.strata.adapters.rest.posts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.adapters.rest.http.EntityTags;
import dev.strata.adapters.rest.http.JsonMapper;
import dev.strata.adapters.rest.http.ListResponse;
import dev.strata.adapters.rest.http.Preconditions;
import dev.strata.core.common.FieldError;
import dev.strata.core.common.Ids;
import dev.strata.core.common.Page;
import dev.strata.core.common.RequestFingerprint;
import dev.strata.core.common.ValidationException;
import dev.strata.core.posts.Post;
import dev.strata.core.posts.PostCursor;
import dev.strata.core.posts.PostId;
import dev.strata.core.posts.PostQuery;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The query string of a post list, read and checked, and the list's response built from a page.
 *
 * <p>Parameters: {@code limit} (default 20; below 1 is refused, above 100 is clamped to 100),
 * {@code page_token} (opaque, from {@code next}) or {@code last_id} (the id of the last post seen),
 * {@code between=<from>_<to>} (half-open), {@code created_at=<op>:<instant>} with op in
 * {@code eq, gt, gte, lt, lte} (repeatable), {@code q} (text in the body, ignoring case) and
 * {@code fields=id,body} (projection). Times are UTC dates ({@code 2026-01-01}) or RFC 3339
 * instants. Anything else is refused by name, every problem at once.
 */
final class PostListRequest {

    private static final Set<String> PARAMETERS =
            Set.of("limit", "page_token", "last_id", "between", "created_at", "q", "fields");
    private static final int MAX_QUERY_TEXT_LENGTH = 200;

    private final PostQuery query;
    private final List<String> fields;
    private final String binding;

    private PostListRequest(PostQuery query, List<String> fields, String binding) {
        this.query = query;
        this.fields = fields;
        this.binding = binding;
    }

    /** Reads the list parameters of the request; a page token is bound to the request's path too. */
    static PostListRequest read(UriInfo uri) {
        MultivaluedMap<String, String> parameters = uri.getQueryParameters();
        List<FieldError> errors = new ArrayList<>();
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                errors.add(new FieldError(name, "unknown_parameter",
                        "is not a parameter of this list; use " + String.join(", ", sorted(PARAMETERS))));
            }
        }
        for (String single : List.of("limit", "page_token", "last_id", "between", "q", "fields")) {
            if (parameters.containsKey(single) && parameters.get(single).size() > 1) {
                errors.add(new FieldError(single, "repeated_parameter", "may be given once"));
            }
        }
        throwIf(errors);

        TimeWindow window = TimeWindow.ALL;
        List<FieldError> invalid = new ArrayList<>();
        String between = parameters.getFirst("between");
        if (between != null) {
            window = window.intersect(TimeWindow.between(between, invalid));
        }
        for (String condition : parameters.getOrDefault("created_at", List.of())) {
            window = window.intersect(TimeWindow.condition(condition, invalid));
        }
        Optional<String> text = Optional.ofNullable(parameters.getFirst("q")).map(q -> checkText(q, invalid));
        int limit = limit(parameters.getFirst("limit"), invalid);
        List<String> fields = fields(parameters.getFirst("fields"), invalid);
        String pageToken = parameters.getFirst("page_token");
        String lastId = parameters.getFirst("last_id");
        if (pageToken != null && lastId != null) {
            invalid.add(new FieldError("last_id", "conflicting_parameters", "cannot be given with page_token"));
        }
        throwIf(invalid);

        String binding = bindingOf(uri.getPath(), between, parameters.getOrDefault("created_at", List.of()),
                text.orElse(null));
        PostQuery query = PostQuery.newest().withLimit(limit);
        if (window.from().isPresent()) {
            query = query.createdFrom(window.from().get());
        }
        if (window.before().isPresent()) {
            query = query.createdBefore(window.before().get());
        }
        if (text.isPresent()) {
            query = query.containing(text.get());
        }
        if (pageToken != null) {
            query = query.after(PostPageToken.decode(pageToken, binding));
        } else if (lastId != null) {
            query = query.afterPost(lastIdOf(lastId));
        }
        return new PostListRequest(query, fields, binding);
    }

    PostQuery query() {
        return query;
    }

    /**
     * 200 with {@code {"data", "has_more", "next"}}, an {@code ETag} and a {@code Link} header
     * ({@code next} when more follow, and {@code first}); or 304 when {@code If-None-Match} names
     * the tag.
     */
    Response respond(Request request, UriInfo uri, Page<Post> page) {
        List<Object> data = page.items().stream().map(PostResponse::of).map(this::project).toList();
        Optional<URI> next = page.hasMore() && !page.items().isEmpty()
                ? Optional.of(relative(uri.getRequestUriBuilder().replaceQueryParam("last_id")
                        .replaceQueryParam("page_token",
                                new PostPageToken(PostCursor.after(page.items().getLast()), binding).encode())))
                : Optional.empty();
        URI first = relative(uri.getRequestUriBuilder().replaceQueryParam("last_id").replaceQueryParam("page_token"));
        ListResponse<Object> list = new ListResponse<>(data, page.hasMore(), next.map(URI::toString).orElse(null));
        Response answer = Preconditions.okOrNotModified(request, tagOf(list), list);
        Response.ResponseBuilder withLinks = Response.fromResponse(answer).link(first, "first");
        next.ifPresent(url -> withLinks.link(url, "next"));
        return withLinks.build();
    }

    private Object project(PostResponse post) {
        if (fields.isEmpty()) {
            return post;
        }
        ObjectNode node = JsonMapper.mapper().valueToTree(post);
        node.retain(fields);
        return node;
    }

    private static EntityTag tagOf(ListResponse<?> list) {
        try {
            return EntityTags.ofBytes(JsonMapper.mapper().writeValueAsBytes(list));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list could not be serialized", e);
        }
    }

    /** The path and query only, so that links work behind any proxy or host name. */
    private static URI relative(UriBuilder builder) {
        URI absolute = builder.build();
        return URI.create(absolute.getRawPath() + (absolute.getRawQuery() == null ? "" : "?" + absolute.getRawQuery()));
    }

    private static String bindingOf(String path, String between, List<String> createdAt, String text) {
        List<String> parts = new ArrayList<>();
        parts.add(path);
        parts.add(between == null ? "" : between);
        parts.add(String.join("\u0000", createdAt));
        parts.add(text == null ? "\u0000none" : text);
        return RequestFingerprint.of("post_list", parts.toArray(String[]::new)).value().substring(0, 16);
    }

    private static PostId lastIdOf(String lastId) {
        if (!Ids.isValid(PostId.PREFIX, lastId)) {
            throw ValidationException.of("last_id", "malformed_id", "is not a well-formed post_ identifier");
        }
        return new PostId(lastId);
    }

    private static int limit(String value, List<FieldError> invalid) {
        if (value == null) {
            return PostQuery.DEFAULT_LIMIT;
        }
        if (!value.matches("-?\\d{1,9}")) {
            invalid.add(new FieldError("limit", "invalid_number", "must be a whole number from 1 to " + PostQuery.MAX_LIMIT));
            return PostQuery.DEFAULT_LIMIT;
        }
        int limit = Integer.parseInt(value);
        if (limit < 1) {
            invalid.add(new FieldError("limit", "out_of_range", "must be at least 1"));
            return PostQuery.DEFAULT_LIMIT;
        }
        // A client asking for more than the cap gets the cap, not an error (documented).
        return Math.min(limit, PostQuery.MAX_LIMIT);
    }

    private static List<String> fields(String value, List<FieldError> invalid) {
        if (value == null) {
            return List.of();
        }
        Set<String> selected = new LinkedHashSet<>();
        for (String field : value.split(",", -1)) {
            String name = field.strip();
            if (!PostResponse.FIELDS.contains(name)) {
                invalid.add(new FieldError("fields", "unknown_field",
                        "'" + name + "' is not a field of a post; use " + String.join(", ", PostResponse.FIELDS)));
            } else {
                selected.add(name);
            }
        }
        return List.copyOf(selected);
    }

    private static String checkText(String text, List<FieldError> invalid) {
        if (text.isBlank()) {
            invalid.add(new FieldError("q", "required", "must not be blank"));
        } else if (text.codePointCount(0, text.length()) > MAX_QUERY_TEXT_LENGTH) {
            invalid.add(new FieldError("q", "too_long", "must be at most " + MAX_QUERY_TEXT_LENGTH + " characters"));
        }
        return text.strip();
    }

    private static void throwIf(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    /** A half-open window of creation times, {@code [from, before)}; either end may be open. */
    record TimeWindow(Optional<Instant> from, Optional<Instant> before) {

        static final TimeWindow ALL = new TimeWindow(Optional.empty(), Optional.empty());

        TimeWindow intersect(TimeWindow other) {
            Optional<Instant> newFrom = later(from, other.from);
            Optional<Instant> newBefore = earlier(before, other.before);
            return new TimeWindow(newFrom, newBefore);
        }

        static TimeWindow between(String value, List<FieldError> invalid) {
            String[] ends = value.split("_", -1);
            if (ends.length != 2) {
                invalid.add(new FieldError("between", "invalid_range",
                        "must be <from>_<to>, each a UTC date (2026-01-01) or an RFC 3339 instant"));
                return ALL;
            }
            Optional<Instant> from = Times.parse("between", ends[0], invalid);
            Optional<Instant> to = Times.parse("between", ends[1], invalid);
            if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
                invalid.add(new FieldError("between", "invalid_range", "must end after it starts"));
            }
            return new TimeWindow(from, to);
        }

        static TimeWindow condition(String value, List<FieldError> invalid) {
            int colon = value.indexOf(':');
            String operator = colon < 0 ? "eq" : value.substring(0, colon);
            // An instant has colons too: only a known operator word before the first one is an operator.
            if (colon >= 0 && !operator.matches("[a-z]+")) {
                operator = "eq";
                colon = -1;
            }
            Optional<Instant> at = Times.parse("created_at", value.substring(colon + 1), invalid);
            if (at.isEmpty()) {
                return ALL;
            }
            Instant instant = at.get();
            // Instants are kept to the microsecond: "after X" is "from X plus one microsecond".
            Instant next = instant.plus(1, ChronoUnit.MICROS);
            return switch (operator) {
                case "eq" -> new TimeWindow(Optional.of(instant), Optional.of(next));
                case "gte" -> new TimeWindow(Optional.of(instant), Optional.empty());
                case "gt" -> new TimeWindow(Optional.of(next), Optional.empty());
                case "lt" -> new TimeWindow(Optional.empty(), Optional.of(instant));
                case "lte" -> new TimeWindow(Optional.empty(), Optional.of(next));
                default -> {
                    invalid.add(new FieldError("created_at", "unsupported_operator",
                            "'" + operator + "' is not an operator of created_at; use eq, gt, gte, lt or lte"));
                    yield ALL;
                }
            };
        }

        private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
            if (a.isEmpty()) {
                return b;
            }
            return b.isEmpty() || a.get().isAfter(b.get()) ? a : b;
        }

        private static Optional<Instant> earlier(Optional<Instant> a, Optional<Instant> b) {
            if (a.isEmpty()) {
                return b;
            }
            return b.isEmpty() || a.get().isBefore(b.get()) ? a : b;
        }
    }
}
