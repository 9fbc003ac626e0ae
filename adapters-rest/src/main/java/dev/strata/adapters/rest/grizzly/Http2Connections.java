package dev.strata.adapters.rest.grizzly;

import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.attributes.AttributeBuilder;
import org.glassfish.grizzly.http2.Http2Session;
import org.glassfish.grizzly.http2.frames.ErrorCode;
import org.glassfish.grizzly.http2.frames.GoAwayFrame;

/**
 * What a drain of the server's connections needs to know of the ones that speak HTTP/2, where a
 * response cannot close the connection ({@code Connection: close} does not exist in HTTP/2) and the
 * way to say "no new requests here" is a {@code GOAWAY} frame (RFC 9113 section 6.8). Thread-safe.
 */
public final class Http2Connections {

    /** Per connection: requests (streams) whose response has not been written whole yet. */
    static final Attribute<AtomicInteger> OPEN_STREAMS = AttributeBuilder.DEFAULT_ATTRIBUTE_BUILDER
            .createAttribute(Http2Connections.class.getName() + ".openStreams");

    private Http2Connections() {
    }

    /** Whether {@code connection} has become an HTTP/2 connection (h2c or h2). */
    public static boolean isHttp2(Connection<?> connection) {
        return Http2Session.get(connection) != null;
    }

    /** How many requests on {@code connection} still await the end of their response. */
    public static int openStreams(Connection<?> connection) {
        AtomicInteger open = OPEN_STREAMS.get(connection);
        return open == null ? 0 : open.get();
    }

    /**
     * Sends {@code GOAWAY NO_ERROR} on an HTTP/2 {@code connection}: the client starts no new request
     * on it, and the ones it has sent are still answered. Its last stream id is the highest there is,
     * as in the first {@code GOAWAY} of a graceful shutdown (RFC 9113 section 6.8), since requests may
     * be on their way. Closing the connection once it is idle is the caller's part.
     */
    public static void goAway(Connection<?> connection) {
        if (isHttp2(connection)) {
            connection.write(GoAwayFrame.builder().errorCode(ErrorCode.NO_ERROR).lastStreamId(Integer.MAX_VALUE)
                    .build());
        }
    }

    static void opened(Connection<?> connection) {
        AtomicInteger open = OPEN_STREAMS.get(connection);
        if (open == null) {
            open = new AtomicInteger();
            OPEN_STREAMS.set(connection, open);
        }
        open.incrementAndGet();
    }

    static void answered(Connection<?> connection) {
        AtomicInteger open = OPEN_STREAMS.get(connection);
        if (open != null) {
            open.updateAndGet(count -> Math.max(0, count - 1));
        }
    }
}
