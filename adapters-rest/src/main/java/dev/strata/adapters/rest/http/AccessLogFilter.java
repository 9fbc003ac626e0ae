package dev.strata.adapters.rest.http;

import dev.strata.adapters.common.AccessLog;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.Principal;
import java.time.Duration;
import java.util.Optional;

/**
 * Writes one line per request to the access log every API style shares ({@link AccessLog}): method, route template, path,
 * status, duration, response bytes, request id, the account id when the caller signed in and the
 * {@code Idempotency-Key} when one was sent. The same fields are attached as key-value pairs, which
 * the JSON log format writes as fields. Never other headers or bodies, so that no password or token
 * reaches a log. Every value a client chose (method, path, request id, idempotency key) is escaped,
 * in the line and in the key-value pairs alike, so that none can forge a field or carry a control
 * character; the idempotency key, which may hold spaces, is quoted. A response with a body is
 * logged once the body is written, so that its size is known.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 400)
public final class AccessLogFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    private static final String STARTED = AccessLogFilter.class.getName() + ".started";
    private static final String PENDING = AccessLogFilter.class.getName() + ".pending";

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        Principal caller = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
        String requestId = request.getHeaderString(RequestIdFilter.HEADER);
        // Another style served in this application (GraphQL at /graphql) names itself and its operation.
        String api = request.getProperty(AccessLog.API_PROPERTY) instanceof String style ? style : "rest";
        String operation = request.getProperty(AccessLog.OPERATION_PROPERTY) instanceof String named ? named
                : Routes.template(request);
        Line line = new Line(api, request.getMethod(), operation,
                // Relative to the base: the path as the client sent it, without a public URL's prefix.
                "/" + request.getUriInfo().getPath(false), response.getStatus(),
                started instanceof Long nanos ? nanos : System.nanoTime(), requestId == null ? "null" : requestId,
                Optional.ofNullable(caller).map(Principal::getName),
                Optional.ofNullable(request.getHeaderString("Idempotency-Key")));
        if (response.hasEntity()) {
            request.setProperty(PENDING, line);
        } else {
            line.write(0);
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(PENDING) instanceof Line line)) {
            context.proceed();
            return;
        }
        context.removeProperty(PENDING);
        CountingOutputStream counting = new CountingOutputStream(context.getOutputStream());
        context.setOutputStream(counting);
        try {
            context.proceed();
        } finally {
            line.write(counting.count);
        }
    }

    /** One access line, waiting for its response's size. */
    private record Line(String api, String method, String route, String path, int status, long startedNanos,
            String requestId,
            Optional<String> accountId, Optional<String> idempotencyKey) {

        void write(long bytes) {
            AccessLog.log(new AccessLog.Entry(api, method, path, route, Integer.toString(status),
                    Duration.ofNanos(System.nanoTime() - startedNanos), bytes, requestId, accountId, Optional.empty(),
                    idempotencyKey));
        }
    }

    private static final class CountingOutputStream extends FilterOutputStream {

        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int value) throws IOException {
            out.write(value);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }
    }
}
