package dev.strata.adapters.rest.grizzly;

import java.util.List;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http2.Http2AddOn;
import org.glassfish.grizzly.http2.Http2Configuration;
import org.glassfish.grizzly.http2.Http2ServerFilter;
import org.glassfish.grizzly.http2.Http2Session;
import org.glassfish.grizzly.http2.Http2SessionException;
import org.glassfish.grizzly.http2.Http2StreamException;
import org.glassfish.grizzly.http2.frames.HeaderBlockHead;
import org.glassfish.grizzly.http2.frames.Http2Frame;

/**
 * Grizzly's {@link Http2AddOn} (h2c by upgrade or prior knowledge; h2 by ALPN on a TLS listener)
 * with Strata's limits, and its HTTP/2 filter replaced by {@link StrictHttp2ServerFilter}.
 */
final class Http2ServerAddOn implements AddOn {

    private final Http2Configuration configuration = Http2Configuration.builder()
            .maxConcurrentStreams(GrizzlyServers.MAX_CONCURRENT_STREAMS)
            .maxHeaderListSize(GrizzlyServers.MAX_HEAD_BYTES)
            .enablePush(false)
            .build();

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder chain) {
        new Http2AddOn(configuration).setup(listener, chain);
        int index = chain.indexOfType(Http2ServerFilter.class);
        if (index < 0) {
            // TLS without ALPN in the JDK: Grizzly has logged that HTTP/2 stays off.
            return;
        }
        Http2ServerFilter original = (Http2ServerFilter) chain.get(index);
        StrictHttp2ServerFilter strict = new StrictHttp2ServerFilter(configuration);
        strict.setLocalMaxFramePayloadSize(original.getLocalMaxFramePayloadSize());
        chain.set(index, strict);
    }

    /**
     * Grizzly's HTTP/2 server filter, made to end the connection where Grizzly 4.0.2 would go on
     * with a broken header compression state. When it refuses a request's header block (a malformed
     * field, a stream it will not open), it stops decoding the block midway and resets only the
     * stream; but HPACK state is shared by the whole connection, and Grizzly keeps the undecoded rest
     * of the block and decodes it in front of the next one, so that fields of the refused request
     * would become fields of the next. RFC 9113 section 4.3 calls a field block that is not fully
     * decoded a connection error, so here the refusal becomes a {@code GOAWAY} (section 5.4.1 lets
     * any stream error be treated as one). And a header block that passes the size limit only in a
     * {@code CONTINUATION} frame makes Grizzly 4.0.2 fail with a {@link ClassCastException}: the
     * connection is closed quietly instead of the filter chain logging the client's error as a
     * server warning with its stack trace.
     */
    static final class StrictHttp2ServerFilter extends Http2ServerFilter {

        StrictHttp2ServerFilter(Http2Configuration configuration) {
            super(configuration);
        }

        @Override
        protected void processCompleteHeader(Http2Session session, FilterChainContext context,
                HeaderBlockHead firstHeaderFrame) throws java.io.IOException {
            try {
                super.processCompleteHeader(session, context, firstHeaderFrame);
            } catch (Http2StreamException refused) {
                throw new Http2SessionException(refused.getErrorCode(), "stream " + refused.getStreamId()
                        + " refused before its header block was decoded whole: " + refused.getMessage());
            }
        }

        @Override
        protected boolean processFrames(FilterChainContext context, Http2Session session, List<Http2Frame> frames) {
            try {
                return super.processFrames(context, session, frames);
            } catch (ClassCastException oversizedContinuation) {
                context.getConnection().closeSilently();
                return false;
            }
        }
    }
}
