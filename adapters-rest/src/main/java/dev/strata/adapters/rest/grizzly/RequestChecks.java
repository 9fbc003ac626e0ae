package dev.strata.adapters.rest.grizzly;

import dev.strata.adapters.rest.http.PublicUrls;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.glassfish.grizzly.http.HttpPacketParsing;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.util.DataChunk;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.jersey.server.internal.ContainerUtils;

/**
 * What a request head must be before anything reads it (RFC 9110 and RFC 9112), checked on the
 * head as Grizzly parsed it: a refusal names the first rule broken. Grizzly's own parser is lenient
 * where leniency is dangerous (it passes control bytes in field values, field names with spaces,
 * {@code Content-Length} next to {@code Transfer-Encoding}, request targets that the Jersey container
 * then fails to turn into a URI); these checks close those gaps.
 */
final class RequestChecks {

    /** The methods the API implements somewhere; what {@code Allow} says to a {@code CONNECT}. */
    static final String SERVED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    /** A {@code Content-Length} that is not one decimal number. */
    static final RequestRefusal INVALID_CONTENT_LENGTH = RequestRefusal.badRequest("invalid_content_length",
            "Content-Length must be one decimal number of bytes");

    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private RequestChecks() {
    }

    /** The first rule {@code request} breaks, if any. */
    static Optional<RequestRefusal> refusalOf(HttpRequestPacket request) {
        String method = request.getMethodDC().toString();
        String protocol = request.getProtocolString();
        DataChunk query = request.getQueryStringDC();
        return version(protocol)
                .or(() -> method(method))
                .or(() -> target(method, request.getRequestURIRef().getOriginalRequestURIBC().toString(),
                        query.isNull() ? null : query.toString()))
                .or(() -> fields(request.getHeaders()))
                .or(() -> host(request.getHeaders(), "HTTP/1.1".equals(protocol)))
                .or(() -> framing(request.getHeaders(), "HTTP/1.0".equals(protocol), sawContentLength(request)))
                .or(() -> expectation(request.getHeaders()));
    }

    /**
     * Whether the head had a {@code Content-Length}: Grizzly drops the field from the headers when a
     * later {@code Transfer-Encoding: chunked} overrides it, and only its parser's count remembers.
     */
    private static boolean sawContentLength(HttpRequestPacket request) {
        return request instanceof HttpPacketParsing parsing
                && parsing.getHeaderParsingState().contentLengthHeadersCount > 0;
    }

    static Optional<RequestRefusal> version(String protocol) {
        if ("HTTP/1.1".equals(protocol) || "HTTP/1.0".equals(protocol)) {
            return Optional.empty();
        }
        return Optional.of(RequestRefusal.badRequest("unsupported_http_version",
                "this server speaks HTTP/1.1 (and HTTP/1.0); the request line must end in HTTP/1.1"));
    }

    static Optional<RequestRefusal> method(String method) {
        if (!isToken(method)) {
            return Optional.of(RequestRefusal.badRequest("malformed_request_line",
                    "the request line must be a method (a token), a space, a target, a space and the HTTP version"));
        }
        if ("CONNECT".equals(method)) {
            return Optional.of(new RequestRefusal(405, "method_not_allowed",
                    "this server is not a proxy: CONNECT is not supported; see the Allow header",
                    Map.of("Allow", SERVED_METHODS)));
        }
        return Optional.empty();
    }

    /**
     * The request target: origin-form ({@code /path?query}), absolute-form ({@code http://host/path})
     * or, for {@code OPTIONS} only, {@code *}; visible ASCII only, with every {@code %} followed by two
     * hex digits, and parseable into the URI the Jersey container builds from it.
     */
    static Optional<RequestRefusal> target(String method, String path, String query) {
        String whole = query == null ? path : path + "?" + query;
        if ("*".equals(whole) && "OPTIONS".equals(method)) {
            return Optional.empty();
        }
        for (int index = 0; index < whole.length(); index++) {
            char c = whole.charAt(index);
            if (c <= 0x20 || c >= 0x7F) {
                return invalidTarget("the request target must be visible ASCII; percent-encode other bytes");
            }
            if (c == '%' && (index + 2 >= whole.length() || !isHex(whole.charAt(index + 1))
                    || !isHex(whole.charAt(index + 2)))) {
                return Optional.of(RequestRefusal.badRequest("malformed_percent_encoding",
                        "every '%' in the path and query must start a percent-encoded byte such as %2F"));
            }
        }
        boolean absolute = path.regionMatches(true, 0, "http://", 0, 7) || path.regionMatches(true, 0, "https://", 0, 8);
        if (!absolute && (!path.startsWith("/") || path.startsWith("//"))) {
            // "//host/..." is a path, but echoed anywhere it reads as a reference to another host.
            return invalidTarget("the request target must be a path starting with one '/' or an absolute http(s) URI");
        }
        try {
            // What the Jersey container does with the target; it must not fail there.
            URI uri = new URI((absolute ? "" : "http://localhost") + path
                    + (query == null ? "" : "?" + ContainerUtils.encodeUnsafeCharacters(query)));
            if (uri.getRawFragment() != null || (absolute && (uri.getHost() == null || uri.getRawUserInfo() != null))) {
                return invalidTarget("the request target must not carry a fragment or user information");
            }
        } catch (URISyntaxException e) {
            return invalidTarget("the request target is not a valid URI path and query");
        }
        return Optional.empty();
    }

    /** Field names are tokens; field values hold no control characters but tab (RFC 9110 section 5). */
    static Optional<RequestRefusal> fields(MimeHeaders headers) {
        for (int index = 0; index < headers.size(); index++) {
            if (!isToken(headers.getName(index).toString())) {
                return Optional.of(RequestRefusal.badRequest("malformed_header",
                        "a header name must be a token: no spaces, no separators, nothing before the colon"));
            }
            String value = headers.getValue(index).toString();
            for (int at = 0; at < value.length(); at++) {
                char c = value.charAt(at);
                if ((c < 0x20 && c != '\t') || c == 0x7F) {
                    return Optional.of(RequestRefusal.badRequest("malformed_header",
                            "header values must not contain control characters such as NUL, CR or LF"));
                }
            }
        }
        return Optional.empty();
    }

    /** One valid {@code Host} (RFC 9112 section 3.2); required in HTTP/1.1. */
    static Optional<RequestRefusal> host(MimeHeaders headers, boolean required) {
        List<String> hosts = values(headers, "Host");
        if (hosts.isEmpty() && !required) {
            return Optional.empty();
        }
        if (hosts.size() != 1) {
            return Optional.of(RequestRefusal.badRequest("invalid_host", "an HTTP/1.1 request needs exactly one Host header"));
        }
        if (PublicUrls.isHostAndPort(hosts.getFirst().strip())) {
            return Optional.empty();
        }
        return Optional.of(RequestRefusal.badRequest("invalid_host", "the Host header must be a host name and an optional port"));
    }

    /**
     * How the body is framed (RFC 9112 section 6): never both {@code Content-Length} and
     * {@code Transfer-Encoding} (request smuggling), only the {@code chunked} transfer coding and
     * only in HTTP/1.1, and one decimal {@code Content-Length} however often it is repeated.
     */
    static Optional<RequestRefusal> framing(MimeHeaders headers, boolean http10, boolean sawContentLength) {
        List<String> lengths = values(headers, "Content-Length");
        List<String> codings = values(headers, "Transfer-Encoding");
        if (!codings.isEmpty() && (sawContentLength || !lengths.isEmpty())) {
            return Optional.of(RequestRefusal.badRequest("conflicting_framing",
                    "a request must not have both Content-Length and Transfer-Encoding"));
        }
        if (!codings.isEmpty() && (http10 || codings.size() > 1
                || !"chunked".equals(codings.getFirst().strip().toLowerCase(Locale.ROOT)))) {
            return Optional.of(RequestRefusal.badRequest("unsupported_transfer_coding",
                    "the only transfer coding accepted is a single 'chunked', in HTTP/1.1"));
        }
        String length = null;
        for (String field : lengths) {
            for (String item : field.split(",", -1)) {
                String digits = item.strip();
                if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                        || (length != null && Long.parseLong(length) != Long.parseLong(digits))) {
                    return Optional.of(INVALID_CONTENT_LENGTH);
                }
                length = digits;
            }
        }
        return Optional.empty();
    }

    /** The one expectation there is, {@code 100-continue} (RFC 9110 section 10.1.1); any other is 417. */
    static Optional<RequestRefusal> expectation(MimeHeaders headers) {
        for (String expect : values(headers, "Expect")) {
            if (!"100-continue".equals(expect.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(new RequestRefusal(417, "expectation_failed",
                        "the only expectation this server meets is Expect: 100-continue", Map.of()));
            }
        }
        return Optional.empty();
    }

    private static Optional<RequestRefusal> invalidTarget(String detail) {
        return Optional.of(RequestRefusal.badRequest("invalid_request_target", detail));
    }

    static List<String> values(MimeHeaders headers, String name) {
        List<String> values = new ArrayList<>();
        for (int index = 0; index < headers.size(); index++) {
            DataChunk fieldName = headers.getName(index);
            if (fieldName.equalsIgnoreCase(name)) {
                values.add(headers.getValue(index).toString());
            }
        }
        return values;
    }

    private static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphanumeric && TOKEN_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
