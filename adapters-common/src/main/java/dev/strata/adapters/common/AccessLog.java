package dev.strata.adapters.common;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The access log of every API style: one line per call to the {@value #LOGGER} logger,
 * <pre>{@code <method> <target> <operation> <status> <millis>ms <bytes>B request_id=<id>[ account_id=<id>][ client=<address>][ idempotency_key="<key>"]}</pre>
 * with the same fields as key-value pairs (and {@code api}; {@code route} holds the operation and
 * {@code path} the target, the names REST's lines have always had), which the JSON log format
 * writes as fields; a numeric status is a number there. Never headers, metadata or bodies, so that no password or token reaches a log. Every
 * value is escaped by {@link LogValues}, in the line and in the key-value pairs alike, so that none
 * a client chose can forge a field or carry a control character; the idempotency key, which may hold
 * spaces, is quoted and cut to {@value #MAX_LOGGED_KEY} characters. Thread-safe.
 */
public final class AccessLog {

    /** The logger every access line goes to. */
    public static final String LOGGER = "strata.access";

    /**
     * Where styles served over one HTTP application share its access line (GraphQL's endpoint in the
     * REST API's application): the request property that names the style of the call, when it is
     * not the application's own ({@code graphql}).
     */
    public static final String API_PROPERTY = AccessLog.class.getName() + ".api";

    /** The request property that names the call's operation in its style, from a bounded set (see {@link Entry}). */
    public static final String OPERATION_PROPERTY = AccessLog.class.getName() + ".operation";

    /** The longest idempotency key logged; longer ones are cut. */
    public static final int MAX_LOGGED_KEY = 255;

    private static final Logger ACCESS = LoggerFactory.getLogger(LOGGER);

    /**
     * One call, as the adapter saw it. Values are raw: {@link AccessLog#log} escapes them.
     *
     * @param api            {@code rest}, {@code grpc} or {@code graphql}
     * @param method         REST: the HTTP method; gRPC and GraphQL: the kind of call, such as
     *                       {@code RPC}, {@code query} or {@code mutation}
     * @param target         what the client addressed: REST's path, gRPC's full method name
     * @param operation      the operation from a bounded set: REST's route template, gRPC's method,
     *                       GraphQL's operation
     * @param status         REST: the status code; gRPC: the status code's name; GraphQL: the HTTP
     *                       status or the outcome
     * @param duration       how long the call took
     * @param bytes          the response's size in bytes, 0 when unknown or empty
     * @param requestId      the request id ({@link RequestIds})
     * @param accountId      the account id of a signed-in caller
     * @param client         the client's address, where the style logs it
     * @param idempotencyKey the idempotency key the client sent
     */
    public record Entry(String api, String method, String target, String operation, String status,
            Duration duration, long bytes, String requestId, Optional<String> accountId, Optional<String> client,
            Optional<String> idempotencyKey) {

        /** Every field but the optional ones is required. */
        public Entry {
            Objects.requireNonNull(api, "api");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        }
    }

    private AccessLog() {
    }

    /** Writes {@code entry}'s line, at INFO. */
    public static void log(Entry entry) {
        String method = LogValues.token(entry.method());
        String target = LogValues.token(entry.target());
        String operation = LogValues.token(entry.operation());
        String status = LogValues.token(entry.status());
        String millis = millis(entry.duration());
        String requestId = LogValues.token(entry.requestId());
        String accountId = entry.accountId().map(LogValues::token).orElse(null);
        String client = entry.client().map(LogValues::token).orElse(null);
        String key = entry.idempotencyKey()
                .map(raw -> LogValues.escaped(raw.substring(0, Math.min(raw.length(), MAX_LOGGED_KEY)))).orElse(null);
        LoggingEventBuilder event = ACCESS.atInfo()
                .addKeyValue("api", LogValues.token(entry.api()))
                .addKeyValue("method", method).addKeyValue("route", operation).addKeyValue("path", target)
                .addKeyValue("status", numeric(status) ? (Object) Integer.valueOf(status) : status)
                .addKeyValue("duration_ms", millis).addKeyValue("bytes", entry.bytes())
                .addKeyValue("request_id", requestId);
        if (accountId != null) {
            event = event.addKeyValue("account_id", accountId);
        }
        if (client != null) {
            event = event.addKeyValue("client", client);
        }
        if (key != null) {
            event = event.addKeyValue("idempotency_key", key);
        }
        event.log("{} {} {} {} {}ms {}B request_id={}{}{}{}", method, target, operation, status, millis, entry.bytes(),
                requestId, accountId == null ? "" : " account_id=" + accountId, client == null ? "" : " client=" + client,
                key == null ? "" : " idempotency_key=\"" + key + "\"");
    }

    /**
     * The duration in milliseconds with one decimal, rounded half up: what
     * {@code String.format(Locale.ROOT, "%.1f", nanos / 1e6)} writes, without the formatter, which
     * was the access log's largest cost after the appender.
     */
    static String millis(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos < 0 || nanos > Long.MAX_VALUE - 50_000) {
            return String.format(Locale.ROOT, "%.1f", nanos / 1_000_000.0);
        }
        long tenths = (nanos + 50_000) / 100_000;
        return Long.toString(tenths / 10) + '.' + (char) ('0' + tenths % 10);
    }

    /** An HTTP status is logged as a number, as the JSON log has always had it. */
    private static boolean numeric(String status) {
        if (status.isEmpty() || status.length() > 9) {
            return false;
        }
        for (int i = 0; i < status.length(); i++) {
            if (status.charAt(i) < '0' || status.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
