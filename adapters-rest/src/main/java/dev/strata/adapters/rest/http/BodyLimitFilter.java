package dev.strata.adapters.rest.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over the limit (1 MiB by default) with 413 before they are read whole:
 * at once when {@code Content-Length} says so, and otherwise as soon as the stream passes the
 * limit, so that a chunked body cannot grow without bound either.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 300)
public final class BodyLimitFilter implements ContainerRequestFilter {

    /** 1 MiB. */
    public static final long DEFAULT_LIMIT = 1024 * 1024;

    private final long limit;

    public BodyLimitFilter(long limit) {
        this.limit = limit;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > limit) {
            throw tooLarge();
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit));
        }
    }

    private HttpProblem tooLarge() {
        return new HttpProblem(Response.Status.REQUEST_ENTITY_TOO_LARGE, "payload_too_large",
                "the request body is larger than " + limit + " bytes");
    }

    private final class LimitedInputStream extends FilterInputStream {

        private long remaining;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            int value = super.read();
            if (value >= 0) {
                count(1);
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count(read);
            }
            return read;
        }

        private void count(int read) {
            remaining -= read;
            if (remaining < 0) {
                throw tooLarge();
            }
        }
    }
}
