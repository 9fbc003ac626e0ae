package dev.strata.adapters.rest.grizzly;

import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.KeepAlive;

/**
 * Grizzly's HTTP/1.1 codec, except that it treats a request offering a protocol upgrade (such as
 * {@code Upgrade: h2c}, which Java's own {@code HttpClient} sends by default) as the plain request it
 * also is. RFC 9110 section 7.8 lets a server ignore {@code Upgrade}; Strata serves no other
 * protocol. Grizzly 4.0.2 instead stops framing the request body (it sets "ignore content
 * modifiers" for an upgrade nobody handles), so such a request with a body hangs until the client
 * gives up, and its response loses its {@code Content-Type} (grizzly issues 2117, 1972, 2192).
 */
final class UpgradeIgnoringCodecFilter extends HttpServerFilter {

    // Every constructor of Grizzly's codec is deprecated, yet its own HttpServer builds the codec
    // with this one; there is nothing else to call.
    @SuppressWarnings("deprecation")
    UpgradeIgnoringCodecFilter(boolean chunkingEnabled, int maxHeadersSize, KeepAlive keepAlive, int maxRequestHeaders,
            int maxResponseHeaders) {
        super(chunkingEnabled, maxHeadersSize, null, keepAlive, null, maxRequestHeaders, maxResponseHeaders);
    }

    @Override
    protected void onIncomingUpgrade(FilterChainContext context, HttpHeader header) {
        // Forget the offer: the request is then framed, served and kept alive like any other. The
        // Upgrade header itself stays visible to the application.
        header.getUpgradeDC().recycle();
    }
}
