package dev.strata.adapters.rest.http;

import jakarta.annotation.Priority;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.jersey.message.internal.OutboundJaxrsResponse;

/**
 * Where every URL the API writes ({@code Location}, {@code Link}, list {@code next}, the entry
 * point's links) gets its scheme and authority: never from the request's {@code Host} header, which
 * any client sets (so {@code Host: evil.example} would otherwise poison caches and links). In order:
 * <ol>
 *   <li>the configured public base URL, such as {@code https://api.example.com/strata} (a path
 *       prefix included), when there is one;</li>
 *   <li>else the {@code Forwarded} ({@code host=}, {@code proto=}; RFC 7239) or
 *       {@code X-Forwarded-Host} / {@code X-Forwarded-Proto} headers of the last hop, but only when the
 *       connection comes from a {@link TrustedProxies trusted proxy} and the host is valid;</li>
 *   <li>else none: URLs are relative references ({@code /v1/posts/post_...}), which RFC 9110 allows
 *       in {@code Location} and RFC 8288 in {@code Link}.</li>
 * </ol>
 * As a pre-matching filter it sets that origin as the request's base URI before anything reads it
 * (a request without one gets {@link #NO_ORIGIN}, which {@link #reference} never writes out); as a
 * response filter it turns a relative {@code Location} into an absolute one when there is an origin.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 1000)
public final class PublicUrls implements ContainerRequestFilter, ContainerResponseFilter {

    /** The base URI of a request whose public origin is unknown: it never appears in a response. */
    static final URI NO_ORIGIN = URI.create("http://origin.invalid/");

    private final Optional<URI> publicBase;
    private final TrustedProxies trustedProxies;

    @Context
    private Provider<Request> connection;

    /**
     * @param publicBase     where clients reach the API, such as {@code https://api.example.com} or
     *                       {@code https://example.com/strata}; empty for relative references
     * @param trustedProxies whose forwarding headers are believed
     */
    public PublicUrls(Optional<URI> publicBase, TrustedProxies trustedProxies) {
        this.publicBase = Objects.requireNonNull(publicBase, "publicBase").map(PublicUrls::checkedBase);
        this.trustedProxies = Objects.requireNonNull(trustedProxies, "trustedProxies");
    }

    /**
     * Reads a public base URL: absolute {@code http} or {@code https}, a host, an optional port and
     * path, no query, fragment or user information.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static URI parseBase(String text) {
        try {
            return checkedBase(new URI(text.strip()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: '" + text + "'", e);
        }
    }

    private static URI checkedBase(URI base) {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || base.getHost() == null || base.getRawUserInfo() != null
                || base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new IllegalArgumentException("the public URL must be http(s)://host[:port][/path], without query: '"
                    + base + "'");
        }
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        return URI.create(scheme + "://" + base.getRawAuthority() + (path.endsWith("/") ? path : path + "/"));
    }

    /** Whether {@code text} is a host with an optional port, as in {@code Host} (RFC 9110 section 7.2). */
    public static boolean isHostAndPort(String text) {
        if (text == null || text.isEmpty() || text.indexOf('%') >= 0) {
            return false;
        }
        try {
            URI uri = new URI("http://" + text + "/");
            return uri.getHost() != null && uri.getRawUserInfo() == null && "/".equals(uri.getRawPath())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getPort() <= 65_535;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * The URL to write for {@code pathAndQuery} (raw, starting with {@code /}, relative to the API's
     * root) in the response to the request {@code uriInfo} describes: absolute on the request's
     * public origin, or the relative reference itself when there is none.
     */
    public static URI reference(UriInfo uriInfo, String pathAndQuery) {
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("not a path: " + pathAndQuery);
        }
        URI base = uriInfo.getBaseUri();
        if (NO_ORIGIN.equals(base)) {
            return URI.create(pathAndQuery);
        }
        return URI.create(base.toString() + pathAndQuery.substring(1));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        URI base = publicBase.or(() -> forwardedOrigin(request)).orElse(NO_ORIGIN);
        URI original = request.getUriInfo().getRequestUri();
        String path = original.getRawPath() == null || original.getRawPath().isEmpty() ? "/" : original.getRawPath();
        String query = original.getRawQuery() == null ? "" : "?" + original.getRawQuery();
        request.setRequestUri(base, URI.create(base.toString() + path.substring(1) + query));
        // Setting the URIs also arms Jersey's resolution of a relative Location against the base at
        // Response.created(...) time (a thread-local the server property does not govern), which
        // would lose a path prefix and write NO_ORIGIN out: the response filter resolves instead.
        OutboundJaxrsResponse.Builder.clearBaseUri();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location != null && location.toString().startsWith("/") && !location.toString().startsWith("//")) {
            response.getHeaders().putSingle(HttpHeaders.LOCATION, reference(request.getUriInfo(), location.toString()));
        }
    }

    private Optional<URI> forwardedOrigin(ContainerRequestContext request) {
        if (trustedProxies.trustsNone()) {
            // Nothing to look up: the connection is an injected provider, resolved anew on each call.
            return Optional.empty();
        }
        String peer = Peers.address(request, connection);
        if (peer == null || !trustedProxies.trusts(peer)) {
            return Optional.empty();
        }
        String forwarded = request.getHeaderString("Forwarded");
        Optional<String> host;
        Optional<String> proto;
        if (forwarded != null) {
            String lastHop = last(forwarded);
            host = parameter(lastHop, "host");
            proto = parameter(lastHop, "proto");
        } else {
            host = Optional.ofNullable(request.getHeaderString("X-Forwarded-Host")).map(PublicUrls::last);
            proto = Optional.ofNullable(request.getHeaderString("X-Forwarded-Proto")).map(PublicUrls::last);
        }
        String scheme = proto.orElse("http").toLowerCase(Locale.ROOT);
        if (host.isEmpty() || !isHostAndPort(host.get()) || !(scheme.equals("http") || scheme.equals("https"))) {
            return Optional.empty();
        }
        return Optional.of(URI.create(scheme + "://" + host.get().toLowerCase(Locale.ROOT) + "/"));
    }

    /** The last element of a comma-separated list: the one the nearest proxy added. */
    private static String last(String list) {
        List<String> elements = List.of(list.split(",", -1));
        return elements.getLast().strip();
    }

    /** A {@code name=value} or {@code name="value"} pair of one {@code Forwarded} element. */
    private static Optional<String> parameter(String element, String name) {
        for (String pair : element.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().equalsIgnoreCase(name)) {
                String value = pair.substring(equals + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
