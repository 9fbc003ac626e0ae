package dev.strata.adapters.rest.grizzly;

import dev.strata.adapters.rest.http.Peers;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Wraps the server's handler and puts the peer's address into the request attribute
 * {@link Peers#PROPERTY}, which Jersey shows its filters as a request property: the rate limits
 * and the public URLs read it there instead of resolving the injected Grizzly request through HK2
 * on every call.
 */
final class PeerAddressHandler extends HttpHandler {

    private final HttpHandler handler;

    PeerAddressHandler(HttpHandler handler) {
        super(handler.getName());
        this.handler = handler;
        setAllowEncodedSlash(handler.isAllowEncodedSlash());
        setAllowCustomStatusMessage(handler.isAllowCustomStatusMessage());
        setRequestURIEncoding(handler.getRequestURIEncoding());
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        String peer = request.getRemoteAddr();
        if (peer != null) {
            request.setAttribute(Peers.PROPERTY, peer);
        }
        handler.service(request, response);
    }

    @Override
    public void start() {
        handler.start();
    }

    @Override
    public void destroy() {
        handler.destroy();
    }
}
