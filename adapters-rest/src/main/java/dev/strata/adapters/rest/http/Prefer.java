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

    /** Whether the request prefers {@code return=minimal}. */
    public static boolean minimal(HttpHeaders headers) {
        List<String> values = headers.getRequestHeader(HEADER);
        if (values == null) {
            return false;
        }
        for (String value : values) {
            for (String preference : value.split("[,;]")) {
                if (preference.strip().toLowerCase(Locale.ROOT).replace(" ", "").equals("return=minimal")) {
                    return true;
                }
            }
        }
        return false;
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
        return response.location(location).tag(tag).header(HttpHeaders.VARY, HEADER).build();
    }
}
