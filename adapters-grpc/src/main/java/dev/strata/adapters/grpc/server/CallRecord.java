package dev.strata.adapters.grpc.server;

import dev.strata.core.identity.AuthenticatedSession;
import io.grpc.Context;
import java.util.Optional;

/**
 * What the interceptors learn about one call for its metrics, access log and rate limit: who the
 * caller turned out to be, how it failed, the request_id it sent. The outermost interceptor puts
 * one in the call's {@link Context}; the inner ones fill it in. One call's callbacks run one at a
 * time, so the fields need no lock, only visibility across threads.
 */
final class CallRecord {

    static final Context.Key<CallRecord> KEY = Context.key("strata-call-record");

    private volatile AuthenticatedSession caller;
    private volatile RuntimeException failure;
    private volatile String idempotencyKey;

    /** The record of the current call; a throwaway one outside an observed call. */
    static CallRecord current() {
        CallRecord record = KEY.get();
        return record == null ? new CallRecord() : record;
    }

    void caller(AuthenticatedSession session) {
        this.caller = session;
    }

    Optional<AuthenticatedSession> caller() {
        return Optional.ofNullable(caller);
    }

    void failure(RuntimeException thrown) {
        this.failure = thrown;
    }

    Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure);
    }

    void idempotencyKey(String key) {
        this.idempotencyKey = key;
    }

    Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey).filter(key -> !key.isEmpty());
    }
}
