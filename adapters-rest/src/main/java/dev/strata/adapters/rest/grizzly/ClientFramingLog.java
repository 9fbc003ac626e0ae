package dev.strata.adapters.rest.grizzly;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.HttpBrokenContentException;

/**
 * Keeps a client's broken chunked framing (a chunk size such as {@code zz} or {@code -1}, a missing
 * chunk header) out of the server's warnings. Grizzly's filter chain logs every exception a filter
 * throws as {@code WARNING GRIZZLY0013} with its stack trace, although {@link StrictCodecFilter}
 * has already answered this one with a 400 problem: it is the client's error, not the server's,
 * and a client could fill the log with traces. Other exceptions are still logged. Likewise for
 * HTTP/2: Grizzly warns, with a stack trace, that it could not write its {@code GOAWAY} when the
 * client that broke the protocol has already closed the connection. Thread-safe.
 */
final class ClientFramingLog {

    /** Held here: {@code java.util.logging} keeps only weak references to its loggers. */
    private static final Logger FILTER_CHAIN = Logger.getLogger("org.glassfish.grizzly.filterchain.DefaultFilterChain");
    private static final Logger HTTP2_SESSION = Logger.getLogger("org.glassfish.grizzly.http2.Http2Session");
    private static final String GOAWAY_UNWRITTEN = "Unable to write GOAWAY";
    private static final int MAX_CAUSES = 16;

    private ClientFramingLog() {
    }

    /** Installs the filter; installing it again changes nothing. */
    static void install() {
        FILTER_CHAIN.setFilter(ClientFramingLog::isLoggable);
        HTTP2_SESSION.setFilter(record -> record.getMessage() == null || !record.getMessage().startsWith(GOAWAY_UNWRITTEN));
    }

    private static boolean isLoggable(LogRecord record) {
        Throwable cause = record.getThrown();
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof HttpBrokenContentException) {
                return false;
            }
        }
        return true;
    }
}
