package dev.strata.adapters.rest.http;

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
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes one line per request to the {@code strata.access} logger: method, route template, path,
 * status, duration, response bytes, request id, the account id when the caller signed in and the
 * {@code Idempotency-Key} when one was sent. The same fields are attached as key-value pairs, which
 * the JSON log format writes as fields. Never other headers or bodies, so that no password or token
 * reaches a log. Every value a client chose (method, path, request id, idempotency key) is escaped by
 * {@link LogValues}, in the line and in the key-value pairs alike, so that none can forge a field
 * or carry a control character; the idempotency key, which may hold spaces, is quoted. A response with a body is logged once the body is written, so that its size is
 * known.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 400)
public final class AccessLogFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    private static final Logger ACCESS = LoggerFactory.getLogger("strata.access");
    private static final String STARTED = AccessLogFilter.class.getName() + ".started";
    private static final String PENDING = AccessLogFilter.class.getName() + ".pending";
    private static final int MAX_LOGGED_KEY = 255;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        Principal caller = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
        String key = request.getHeaderString("Idempotency-Key");
        String requestId = request.getHeaderString(RequestIdFilter.HEADER);
        Line line = new Line(LogValues.token(request.getMethod()), Routes.template(request),
                // Relative to the base: the path as the client sent it, without a public URL's prefix.
                LogValues.token("/" + request.getUriInfo().getPath(false)), response.getStatus(),
                started instanceof Long nanos ? nanos : System.nanoTime(),
                requestId == null ? null : LogValues.token(requestId),
                caller == null ? null : LogValues.token(caller.getName()),
                key == null ? null : LogValues.escaped(key.substring(0, Math.min(key.length(), MAX_LOGGED_KEY))));
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

    /** One access line; every client-chosen value in it is already escaped. */
    private record Line(String method, String route, String path, int status, long startedNanos, String requestId,
            String accountId, String idempotencyKey) {

        void write(long bytes) {
            String millis = String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1_000_000.0);
            LoggingEventBuilder event = ACCESS.atInfo()
                    .addKeyValue("method", method).addKeyValue("route", route).addKeyValue("path", path)
                    .addKeyValue("status", status).addKeyValue("duration_ms", millis).addKeyValue("bytes", bytes)
                    .addKeyValue("request_id", requestId);
            if (accountId != null) {
                event = event.addKeyValue("account_id", accountId);
            }
            if (idempotencyKey != null) {
                event = event.addKeyValue("idempotency_key", idempotencyKey);
            }
            event.log("{} {} {} {} {}ms {}B request_id={}{}{}", method, path, route, status, millis, bytes, requestId,
                    accountId == null ? "" : " account_id=" + accountId,
                    idempotencyKey == null ? "" : " idempotency_key=\"" + idempotencyKey + "\"");
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
