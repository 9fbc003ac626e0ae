package dev.strata.adapters.rest.grizzly;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.grizzly.CompletionHandler;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.attributes.AttributeBuilder;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpPacket;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http2.Http2Stream;
import org.glassfish.grizzly.http2.frames.DataFrame;
import org.glassfish.grizzly.http2.frames.ErrorCode;
import org.glassfish.grizzly.http2.frames.GoAwayFrame;
import org.glassfish.grizzly.http2.frames.HeadersFrame;
import org.glassfish.grizzly.http2.frames.RstStreamFrame;
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
 * Grizzly's {@link Http2AddOn} (h2c by prior knowledge, not by upgrade; h2 by ALPN on a TLS
 * listener) with Strata's limits, and its HTTP/2 filter replaced by {@link StrictHttp2ServerFilter}, which
 * also gzips HTTP/2 responses by the listener's compression settings (see {@link Http2Gzip}).
 */
final class Http2ServerAddOn implements AddOn {

    private final Http2Configuration configuration = Http2Configuration.builder()
            .maxConcurrentStreams(GrizzlyServers.MAX_CONCURRENT_STREAMS)
            .maxHeaderListSize(GrizzlyServers.MAX_HTTP2_HEADER_BLOCK_BYTES)
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
        StrictHttp2ServerFilter strict = new StrictHttp2ServerFilter(configuration,
                new Http2Gzip(listener.getCompressionConfig()));
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
     * server warning with its stack trace. Likewise a frame too short for its type's fields (a
     * {@code GOAWAY}, {@code RST_STREAM}, {@code WINDOW_UPDATE} or {@code PRIORITY} whose payload
     * ends early: Grizzly's parser runs out of bytes) or longer than the frame size the server
     * announced ends the connection with {@code GOAWAY FRAME_SIZE_ERROR}, as RFC 9113 section 4.2
     * asks, where Grizzly 4.0.2 closes it without a word (and logs the short frame as a warning).
     *
     * <p>It also ends a request body the server no longer wants: when a response is complete (such
     * as a 413 for a body declared too large) while the client is still sending the request body,
     * Grizzly drops the rest of the body without granting the stream more flow-control window, so
     * the client waits forever for window to send it. As RFC 9113 section 8.1 says, the response is
     * followed by {@code RST_STREAM NO_ERROR}, which tells the client to stop sending and keep the
     * response.
     */
    static final class StrictHttp2ServerFilter extends Http2ServerFilter {

        /** Per connection: the streams whose request body has not ended yet. */
        private final Attribute<Set<Integer>> receiving = AttributeBuilder.DEFAULT_ATTRIBUTE_BUILDER
                .createAttribute(StrictHttp2ServerFilter.class.getName() + ".receiving");

        /** Per connection: the highest stream the client opened, the last stream id of an error {@code GOAWAY}. */
        private final Attribute<Integer> lastClientStream = AttributeBuilder.DEFAULT_ATTRIBUTE_BUILDER
                .createAttribute(StrictHttp2ServerFilter.class.getName() + ".lastClientStream", 0);

        /** Per connection: set once it is ended with an error {@code GOAWAY}; what it sends after that is dropped. */
        private final Attribute<Boolean> ended = AttributeBuilder.DEFAULT_ATTRIBUTE_BUILDER
                .createAttribute(StrictHttp2ServerFilter.class.getName() + ".ended", false);

        private final Http2Gzip gzip;

        StrictHttp2ServerFilter(Http2Configuration configuration, Http2Gzip gzip) {
            super(configuration);
            this.gzip = gzip;
        }

        /**
         * No request upgrades its connection to h2c: an {@code Upgrade: h2c} offer is served as the
         * HTTP/1.1 request it also is, which RFC 9113 (section 3.1) allows, having deprecated the
         * offer. Grizzly 4.0.2 wrote part of the response to an upgrading request outside HTTP/2's
         * framing now and then: with the OpenAPI document (220 KB) as that response, about one
         * upgrade in 300 on a busy machine ended in the JDK client's "Frame type(32) length(663584)
         * exceeds MAX_FRAME_SIZE", the document's own bytes read as a frame header (7 in about
         * 2,000, the upgrading request's response each time, never a later stream's).
         */
        @Override
        protected boolean checkRequestHeadersOnUpgrade(HttpRequestPacket request) {
            return false;
        }

        @Override
        public NextAction handleWrite(FilterChainContext context) throws IOException {
            if (context.getMessage() instanceof HttpPacket packet
                    && packet.getHttpHeader() instanceof HttpResponsePacket response
                    && Http2Stream.getStreamFor(response) instanceof Http2Stream stream) {
                // The head may go first on its own: the coding is chosen then.
                boolean gzipped = gzip.decide(response, packet);
                if (packet instanceof HttpContent content) {
                    if (content.isLast()) {
                        Http2Connections.answered(context.getConnection());
                        Set<Integer> streams = receiving.get(context.getConnection());
                        // Only a refusal answers before it has read the body (a 413, say). A success
                        // has read its body, and its END_STREAM may just not be processed yet:
                        // resetting then races the next response's writes on the connection (over
                        // TLS, records written out of order: the client's bad_record_mac).
                        if (streams != null && streams.remove(stream.getId()) && response.getStatus() >= 400) {
                            resetAfter(context, stream.getId());
                        }
                    }
                    if (gzipped) {
                        context.setMessage(gzip.encode(context.getConnection(), content));
                    }
                }
            }
            return super.handleWrite(context);
        }

        /** Once the response's last frame is written, {@code RST_STREAM NO_ERROR} on its stream. */
        private static void resetAfter(FilterChainContext context, int streamId) {
            Connection<?> connection = context.getConnection();
            @SuppressWarnings("unchecked")
            CompletionHandler<WriteResult> original = context.getTransportContext().getCompletionHandler();
            context.getTransportContext().setCompletionHandler(new CompletionHandler<WriteResult>() {
                @Override
                public void cancelled() {
                    if (original != null) {
                        original.cancelled();
                    }
                }

                @Override
                public void failed(Throwable throwable) {
                    if (original != null) {
                        original.failed(throwable);
                    }
                }

                @Override
                public void completed(WriteResult result) {
                    if (original != null) {
                        original.completed(result);
                    }
                    connection.write(RstStreamFrame.builder().errorCode(ErrorCode.NO_ERROR).streamId(streamId).build());
                }

                @Override
                public void updated(WriteResult result) {
                    if (original != null) {
                        original.updated(result);
                    }
                }
            });
        }

        /**
         * Whether {@code frame} is a client's {@code GOAWAY} (recycled if so, for it is dropped). It asks
         * the server to open no more streams (RFC 9113 section 6.8), and this server opens none (no
         * push): nothing is to be done, the requests in flight are answered, and the client closes the
         * connection when it is done with them. Grizzly 4.0.2 would instead close every stream above
         * the frame's last stream id, which in a client's {@code GOAWAY} counts the server's own
         * streams and so is 0: every request in flight was cut off, and closing them on the selector
         * thread, under the session's lock, deadlocks with a response being written at that moment (it
         * holds its stream's output lock and then wants the session's): the selector thread and every
         * connection it serves hang. A {@code GOAWAY} on a stream other than 0 is left to Grizzly,
         * which answers it as the protocol error it is.
         */
        private static boolean isClientsGoAway(Http2Frame frame) {
            if (frame.getType() != GoAwayFrame.TYPE || frame.getStreamId() != 0) {
                return false;
            }
            frame.recycle();
            return true;
        }

        private void noteRequestBodies(Connection<?> connection, Http2Session session, List<Http2Frame> frames) {
            Set<Integer> streams = receiving.get(connection);
            for (Http2Frame frame : frames) {
                boolean headers = frame.getType() == HeadersFrame.TYPE;
                if (!headers && frame.getType() != DataFrame.TYPE && frame.getType() != RstStreamFrame.TYPE) {
                    continue;
                }
                if (streams == null) {
                    streams = ConcurrentHashMap.newKeySet();
                    receiving.set(connection, streams);
                }
                boolean ended = frame.getType() == RstStreamFrame.TYPE || frame.isFlagSet(HeadersFrame.END_STREAM);
                if (headers && session.getStream(frame.getStreamId()) == null) {
                    Http2Connections.opened(connection);
                    lastClientStream.set(connection, Math.max(lastClientStream.get(connection), frame.getStreamId()));
                }
                if (ended) {
                    streams.remove(frame.getStreamId());
                } else if (headers) {
                    streams.add(frame.getStreamId());
                }
            }
        }

        @Override
        protected void processCompleteHeader(Http2Session session, FilterChainContext context,
                HeaderBlockHead firstHeaderFrame) throws IOException {
            try {
                super.processCompleteHeader(session, context, firstHeaderFrame);
            } catch (Http2StreamException refused) {
                throw new Http2SessionException(refused.getErrorCode(), "stream " + refused.getStreamId()
                        + " refused before its header block was decoded whole: " + refused.getMessage());
            }
        }

        @Override
        public NextAction handleRead(FilterChainContext context) throws IOException {
            Connection<?> connection = context.getConnection();
            if (ended.get(connection)) {
                return context.getStopAction();
            }
            try {
                return super.handleRead(context);
            } catch (BufferUnderflowException | IndexOutOfBoundsException | Http2SessionException malformed) {
                // The frame parser ran out of a frame's payload (which exception depends on Grizzly's
                // buffer type), or refused a frame over the size limit before Grizzly's own handling.
                // Only an HTTP/2 connection is answered with GOAWAY; anything else goes on to Grizzly.
                if (!Http2Connections.isHttp2(connection)) {
                    throw malformed;
                }
                return endWithGoAway(context, malformed instanceof Http2SessionException refused
                        ? refused.getErrorCode() : ErrorCode.FRAME_SIZE_ERROR);
            }
        }

        /** Sends {@code GOAWAY} with {@code code}, then closes the connection; nothing it sends after is read. */
        @SuppressWarnings({"rawtypes", "unchecked"})
        private NextAction endWithGoAway(FilterChainContext context, ErrorCode code) {
            Connection connection = context.getConnection();
            ended.set(connection, true);
            connection.write(GoAwayFrame.builder().errorCode(code).lastStreamId(lastClientStream.get(connection)).build(),
                    new EmptyCompletionHandler<WriteResult>() {
                        @Override
                        public void completed(WriteResult result) {
                            connection.closeSilently();
                        }

                        @Override
                        public void failed(Throwable throwable) {
                            connection.closeSilently();
                        }
                    });
            return context.getStopAction();
        }

        @Override
        protected boolean processFrames(FilterChainContext context, Http2Session session, List<Http2Frame> frames) {
            if (frames != null) {
                frames.removeIf(StrictHttp2ServerFilter::isClientsGoAway);
                noteRequestBodies(context.getConnection(), session, frames);
            }
            try {
                return super.processFrames(context, session, frames);
            } catch (ClassCastException oversizedContinuation) {
                context.getConnection().closeSilently();
                return false;
            }
        }
    }
}
