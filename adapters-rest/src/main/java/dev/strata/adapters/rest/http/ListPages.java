package dev.strata.adapters.rest.http;

import dev.strata.core.common.KeysetCursor;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.Page;
import dev.strata.core.common.PageTokens;
import dev.strata.core.common.QuerySchema;
import dev.strata.core.common.SortKey;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Answers a list request: the {@link ListResponse} envelope ({@code data}, {@code has_more},
 * {@code next}) with each item projected to the selected fields, and an RFC 8288 {@code Link}
 * header with {@code first}, {@code prev} and {@code next} as they exist. Every link repeats the
 * request's filters, sort, fields and limit, so that following it pages the same list. Keyset
 * queries link by {@code page_token}; offset queries by {@code offset}. The response carries a tag
 * of its body, so {@code If-None-Match} answers 304.
 */
public final class ListPages {

    private ListPages() {
    }

    /**
     * How to read the value of a sort field from an item, to mint the cursor next to it.
     *
     * @param <T> the items' type
     */
    @FunctionalInterface
    public interface SortValues<T> extends BiFunction<T, String, Comparable<?>> {
    }

    /** The response to a list request that {@code page} answers. */
    public static <T> Response respond(Request request, UriInfo uriInfo, QuerySchema schema, ListParameters parameters,
            Page<T> page, SortValues<T> sortValues, Function<T, String> id, Function<T, Object> representation) {
        Links links = links(uriInfo, schema, parameters, page, sortValues, id);
        List<Object> data = page.items().stream()
                .map(item -> Projection.select(representation.apply(item), parameters.fields()))
                .toList();
        // Reading backwards, more follow exactly when there is a next link; otherwise the store says.
        boolean hasMore = page.hasMore() && !isBackwards(parameters) || links.next().isPresent();
        ListResponse<Object> body = new ListResponse<>(data, hasMore, links.next().map(URI::toString).orElse(null));
        Response response = Representations.readList(request, body);
        return Response.fromResponse(response).header(HttpHeaders.LINK, links.header()).build();
    }

    /** The first, previous and next pages of a list, where they exist. */
    record Links(URI first, Optional<URI> prev, Optional<URI> next) {

        String header() {
            List<String> values = new ArrayList<>();
            next.ifPresent(uri -> values.add("<" + uri + ">; rel=\"next\""));
            prev.ifPresent(uri -> values.add("<" + uri + ">; rel=\"prev\""));
            values.add("<" + first + ">; rel=\"first\"");
            return String.join(", ", values);
        }
    }

    private static <T> Links links(UriInfo uriInfo, QuerySchema schema, ListParameters parameters, Page<T> page,
            SortValues<T> sortValues, Function<T, String> id) {
        ListQuery query = parameters.query();
        URI first = uri(uriInfo, parameters, null, null);
        if (isOffsetPaging(uriInfo)) {
            int nextOffset = query.offset() + query.limit();
            // Past the offset cap there is no next link (it would be refused); has_more still tells.
            Optional<URI> next = page.hasMore() && nextOffset <= ListQuery.MAX_OFFSET
                    ? Optional.of(uri(uriInfo, parameters, ListParameters.OFFSET, Integer.toString(nextOffset)))
                    : Optional.empty();
            Optional<URI> prev = query.offset() > 0
                    ? Optional.of(uri(uriInfo, parameters, ListParameters.OFFSET, Integer.toString(Math.max(0, query.offset() - query.limit()))))
                    : Optional.empty();
            return new Links(first, prev, next);
        }
        boolean backwards = query.cursor().map(KeysetCursor::before).orElse(false);
        List<T> items = page.items();
        Optional<URI> next = Optional.empty();
        Optional<URI> prev = Optional.empty();
        if (!items.isEmpty()) {
            T last = items.getLast();
            T head = items.getFirst();
            if (backwards || page.hasMore()) {
                next = Optional.of(tokenUri(uriInfo, schema, parameters,
                        KeysetCursor.after(valuesOf(last, query.sort(), sortValues), id.apply(last))));
            }
            if (query.cursor().isPresent() && (!backwards || page.hasMore())) {
                prev = Optional.of(tokenUri(uriInfo, schema, parameters,
                        KeysetCursor.before(valuesOf(head, query.sort(), sortValues), id.apply(head))));
            }
        } else if (query.cursor().isPresent()) {
            // Past either end: the way back is the position itself, read the other way.
            KeysetCursor position = query.cursor().get();
            KeysetCursor back = new KeysetCursor(position.sortValues(), position.id(), !position.before());
            if (backwards) {
                next = Optional.of(tokenUri(uriInfo, schema, parameters, back));
            } else {
                prev = Optional.of(tokenUri(uriInfo, schema, parameters, back));
            }
        }
        return new Links(first, prev, next);
    }

    private static boolean isBackwards(ListParameters parameters) {
        return parameters.query().cursor().map(KeysetCursor::before).orElse(false);
    }

    /** A client that sent {@code offset} (even 0) pages by offset; otherwise by token. */
    private static boolean isOffsetPaging(UriInfo uriInfo) {
        return uriInfo.getQueryParameters().containsKey(ListParameters.OFFSET);
    }

    private static <T> List<Comparable<?>> valuesOf(T item, List<SortKey> sort, SortValues<T> sortValues) {
        return sort.stream().<Comparable<?>>map(key -> sortValues.apply(item, key.field())).toList();
    }

    private static URI tokenUri(UriInfo uriInfo, QuerySchema schema, ListParameters parameters, KeysetCursor cursor) {
        return uri(uriInfo, parameters, ListParameters.PAGE_TOKEN,
                PageTokens.encode(cursor, parameters.normalized(), parameters.query().sort(), schema));
    }

    private static URI uri(UriInfo uriInfo, ListParameters parameters, String pagingName, String pagingValue) {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, List<String>> parameter : orderedCarried(uriInfo, parameters)) {
            for (String value : parameter.getValue()) {
                append(query, parameter.getKey(), value);
            }
        }
        if (pagingName != null) {
            append(query, pagingName, pagingValue);
        }
        String path = "/" + uriInfo.getPath(false);
        return PublicUrls.reference(uriInfo, query.isEmpty() ? path : path + "?" + query);
    }

    /** The carried parameters in the order the client sent them, so links read like the request. */
    private static List<Map.Entry<String, List<String>>> orderedCarried(UriInfo uriInfo, ListParameters parameters) {
        List<Map.Entry<String, List<String>>> ordered = new ArrayList<>();
        for (String name : namesInRequestOrder(uriInfo)) {
            List<String> values = parameters.carried().get(name);
            if (values != null) {
                ordered.add(Map.entry(name, values));
            }
        }
        return ordered;
    }

    /** The decoded parameter names of the request's query string, each once, in the order sent. */
    private static Set<String> namesInRequestOrder(UriInfo uriInfo) {
        Set<String> names = new LinkedHashSet<>();
        String raw = uriInfo.getRequestUri().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                names.add(URLDecoder.decode(name, StandardCharsets.UTF_8));
            }
        }
        // Whatever the raw form hid (it should be nothing), the decoded map still has.
        names.addAll(uriInfo.getQueryParameters().keySet());
        return names;
    }

    private static void append(StringBuilder query, String name, String value) {
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(encode(name)).append('=').append(encode(value));
    }

    /** Percent-encodes all but unreserved characters and the readable {@code : , *}; '+' becomes %2B. */
    static String encode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~:,*".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return encoded.toString();
    }
}
