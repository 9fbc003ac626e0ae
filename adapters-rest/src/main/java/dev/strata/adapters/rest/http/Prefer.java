package dev.strata.adapters.rest.http;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * RFC 7240 {@code Prefer: return=minimal} on writes: a client that does not need the written
 * representation back gets 204 with {@code Location}, {@code ETag} and
 * {@code Preference-Applied: return=minimal}; otherwise (the default, or {@code return=representation})
 * it gets the representation with the write's own status. Responses say {@code Vary: Prefer}.
 */
public final class Prefer {

    public static final String HEADER = "Prefer";
    public static final String APPLIED = "Preference-Applied";

    private Prefer() {
    }

    /**
     * Whether the request prefers {@code return=minimal}: the first {@code return} preference of
     * the header decides (RFC 7240 §2: a repeated preference counts once, the first); preferences
     * Strata does not know, and values of {@code return} it does not know, are ignored (RFC 7240
     * §2 has a server ignore what it does not support).
     *
     * @throws MalformedHeaderException when the header does not follow RFC 7240's grammar, as
     *                                  nothing tells where one preference ends and the next begins
     */
    public static boolean minimal(HttpHeaders headers) {
        List<String> values = headers.getRequestHeader(HEADER);
        if (values == null) {
            return false;
        }
        String returned = null;
        for (String value : values) {
            String first = firstReturn(value);
            if (returned == null) {
                returned = first;
            }
        }
        return "minimal".equals(returned);
    }

    /**
     * Checks {@code 1#( token [ BWS "=" BWS word ] *( OWS ";" [ OWS parameter ] ) )} and answers the
     * value of the first {@code return} preference, or null.
     */
    static String firstReturn(String value) {
        HeaderCursor cursor = new HeaderCursor(HEADER, value);
        String returned = null;
        for (boolean first = true; cursor.nextElement(first); first = false) {
            String name = cursor.token("a preference name");
            String preferenceValue = optionalValue(cursor);
            if (returned == null && name.equalsIgnoreCase("return")) {
                returned = preferenceValue == null ? "" : preferenceValue.toLowerCase(Locale.ROOT);
            }
            while (true) {
                cursor.skipWhitespace();
                if (!cursor.take(';')) {
                    break;
                }
                cursor.skipWhitespace();
                if (!cursor.atEnd() && cursor.peek() != ';' && cursor.peek() != ',') {
                    cursor.token("a parameter name");
                    optionalValue(cursor);
                }
            }
        }
        return returned;
    }

    /** {@code [ BWS "=" BWS word ]}, where a word is a token or a quoted string. */
    private static String optionalValue(HeaderCursor cursor) {
        cursor.skipWhitespace();
        if (!cursor.take('=')) {
            return null;
        }
        cursor.skipWhitespace();
        return cursor.peek() == '"' ? cursor.quotedString() : cursor.token("a value after '='");
    }

    /**
     * The response to a write: {@code status} with {@code body}, or 204 when the client prefers
     * minimal returns; both with {@code location} and {@code tag}. {@code Location} is sent with a
     * 200 too, so that a minimal and a full answer name the resource alike.
     */
    public static Response written(HttpHeaders headers, Response.StatusType status, URI location, EntityTag tag,
            Object body) {
        Response.ResponseBuilder response;
        if (minimal(headers)) {
            response = Response.noContent().header(APPLIED, "return=minimal");
        } else {
            response = Response.status(status).entity(body);
        }
        return response.location(location).header(HttpHeaders.ETAG, EntityTags.header(tag)).header(HttpHeaders.VARY, HEADER).build();
    }
}
