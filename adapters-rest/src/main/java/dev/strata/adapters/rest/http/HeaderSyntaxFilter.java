package dev.strata.adapters.rest.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Refuses a request whose {@code Content-Length}, {@code Content-Type}, {@code Accept}, {@code If-Match},
 * {@code If-None-Match} or {@code Prefer} does not follow its grammar with a 400 problem naming the
 * header ({@code malformed_header}), before routing: Jersey reads these headers while it routes and
 * fails on a malformed one with an exception that is no client error, so that without this filter
 * such a request would answer 500.
 *
 * <p>Why each is refused rather than ignored: RFC 9110 has a recipient ignore a malformed
 * {@code If-Modified-Since} or {@code If-Range} (§13.1.3, §13.1.5), which Strata does not act on,
 * and says nothing of the kind for the entity-tag conditions (§13.1.1, §13.1.2), whose silent
 * omission would turn a guarded write into a blind one, nor for {@code Content-Type} (§8.3) and
 * {@code Accept} (§12.5.1): a request that does not say what it sends or wants is malformed (§15.5.1).
 * A well-formed {@code Prefer} naming what Strata does not support is ignored, as RFC 7240 §2 says;
 * a malformed one leaves no way to tell its preferences apart, and is refused.
 *
 * <p>A refused header is removed from the request, so that writing the problem does not trip over
 * it again. Thread-safe.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 400)
public final class HeaderSyntaxFilter implements ContainerRequestFilter {

    /** RFC 9110 §8.6: 1*DIGIT, and no more digits than a {@code long} holds. Compiled once, not per request. */
    private static final Pattern CONTENT_LENGTH = Pattern.compile("[0-9]{1,18}");

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            check(request);
        } catch (MalformedHeaderException malformed) {
            request.getHeaders().remove(malformed.header());
            throw malformed;
        }
    }

    private static void check(ContainerRequestContext request) {
        // RFC 9110 §8.6: 1*DIGIT. The transport checks it on the wire; Jersey reads it again for the
        // body limit and fails on anything else with an exception that is no client error.
        List<String> lengths = request.getHeaders().get(HttpHeaders.CONTENT_LENGTH);
        if (lengths != null && (lengths.size() > 1 || !CONTENT_LENGTH.matcher(lengths.getFirst().strip()).matches())) {
            throw new MalformedHeaderException(HttpHeaders.CONTENT_LENGTH, "must be one number of bytes");
        }
        List<String> contentTypes = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        if (contentTypes != null) {
            if (contentTypes.size() > 1) {
                throw new MalformedHeaderException(HttpHeaders.CONTENT_TYPE, "is sent more than once");
            }
            MediaTypes.checkContentType(contentTypes.getFirst());
            readByJersey(HttpHeaders.CONTENT_TYPE, () -> request.getMediaType());
        }
        List<String> accepts = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (accepts != null) {
            List<String> normalized = accepts.stream().map(MediaTypes::checkAccept)
                    .filter(accept -> !accept.isEmpty()).collect(Collectors.toCollection(ArrayList::new));
            if (normalized.isEmpty()) {
                // An empty list: as if none were sent.
                request.getHeaders().remove(HttpHeaders.ACCEPT);
            } else {
                request.getHeaders().put(HttpHeaders.ACCEPT, normalized);
                readByJersey(HttpHeaders.ACCEPT, () -> request.getAcceptableMediaTypes());
            }
        }
        EntityTags.parse(HttpHeaders.IF_MATCH, request.getHeaders().get(HttpHeaders.IF_MATCH));
        EntityTags.parse(HttpHeaders.IF_NONE_MATCH, request.getHeaders().get(HttpHeaders.IF_NONE_MATCH));
        List<String> preferences = request.getHeaders().get(Prefer.HEADER);
        if (preferences != null) {
            preferences.forEach(Prefer::firstReturn);
        }
    }

    /** What RFC 9110 allows and Jersey's own reader still cannot read is refused all the same. */
    private static void readByJersey(String header, Runnable read) {
        try {
            read.run();
        } catch (RuntimeException unreadable) {
            throw new MalformedHeaderException(header, "cannot be read as a media type list");
        }
    }
}
