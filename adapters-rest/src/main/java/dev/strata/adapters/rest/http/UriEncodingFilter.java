package dev.strata.adapters.rest.http;

import dev.strata.core.common.ValidationException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Refuses a path or query whose percent-encoded octets are not well-formed UTF-8 (RFC 3986 §2.5)
 * with a 400 naming the query parameter (or {@code path}), code {@code invalid_utf8}. Jersey
 * decodes them leniently, each ill-formed sequence becoming U+FFFD, so that a filter value or a
 * search text would silently differ from what the client sent. A malformed escape itself (such as
 * {@code %G1}) is the transport's to refuse; it is left alone here. {@code %00} (U+0000) in a query
 * parameter, which no stored text can hold, is refused the same way with code
 * {@code invalid_character}; in the path, each parameter's own format (ids, aliases) refuses it,
 * naming the parameter. Thread-safe.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 390)
public final class UriEncodingFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        if (uri.getRawPath() != null && !isWellFormed(uri.getRawPath())) {
            throw refused("path");
        }
        String query = uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!isWellFormed(pair)) {
                    throw refused(parameterName(pair));
                }
                if (holdsNul(pair)) {
                    String name = parameterName(pair);
                    throw nul(name.indexOf('\0') >= 0 ? "query" : name);
                }
            }
        }
    }

    private static ValidationException refused(String field) {
        return ValidationException.of(field, "invalid_utf8", "is percent-encoded text that is not well-formed UTF-8");
    }

    /** The decoded name of a {@code name=value} pair, or {@code query} when it is not well-formed. */
    private static String parameterName(String pair) {
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        return decoded(name.replace('+', ' ')).orElse("query");
    }

    private static ValidationException nul(String field) {
        return ValidationException.of(field, "invalid_character", "holds U+0000 (%00), which text here cannot hold");
    }

    /** Whether {@code raw}, well-formed, decodes to text holding U+0000. */
    private static boolean holdsNul(String raw) {
        return raw.indexOf('%') >= 0 && decoded(raw).map(text -> text.indexOf('\0') >= 0).orElse(false);
    }

    /** Whether every run of percent-encoded octets in {@code raw} decodes as strict UTF-8. */
    static boolean isWellFormed(String raw) {
        return raw.indexOf('%') < 0 || decoded(raw).isPresent();
    }

    /** {@code raw} with its escapes decoded, or empty when their octets are not well-formed UTF-8. */
    private static Optional<String> decoded(String raw) {
        ByteArrayOutputStream octets = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            int high = i + 2 < raw.length() && c == '%' ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (low >= 0) {
                octets.write(high << 4 | low);
                i += 2;
            } else {
                octets.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(octets.toByteArray()))
                    .toString());
        } catch (CharacterCodingException illFormed) {
            return Optional.empty();
        }
    }
}
