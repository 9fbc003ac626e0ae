package dev.strata.adapters.rest.http;

import dev.strata.core.common.Created;
import dev.strata.core.common.IdempotencyKey;
import dev.strata.core.common.ValidationException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP side of idempotent creation: reading the {@code Idempotency-Key} request header, and
 * answering a creation so that a retry looks like the original (the same status and body) plus
 * {@code Idempotent-Replayed: true}. The service does the rest (see
 * {@link dev.strata.core.common.IdempotentRequest}).
 *
 * <pre>{@code
 * Optional<IdempotencyKey> key = IdempotencyKeys.from(headers);
 * Created<Post> created = key.map(given -> posts.createPost(caller, input, given))
 *         .orElseGet(() -> posts.createPost(caller, input));
 * return IdempotencyKeys.created(created, location, tag, body);
 * }</pre>
 */
public final class IdempotencyKeys {

    /** The request header carrying the key. */
    public static final String HEADER = IdempotencyKey.FIELD;

    /** The response header that marks a replayed response. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private IdempotencyKeys() {
    }

    /**
     * The request's idempotency key, or empty when it sent none.
     *
     * @throws ValidationException (a 400 problem naming {@code Idempotency-Key}) when the header
     *                             is malformed or sent more than once
     */
    public static Optional<IdempotencyKey> from(HttpHeaders headers) {
        return parse(headers.getRequestHeader(HEADER));
    }

    /** {@link #from(HttpHeaders)} over the header's values as received (null when absent). */
    static Optional<IdempotencyKey> parse(List<String> values) {
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw ValidationException.of(HEADER, "malformed_idempotency_key", "must be sent once");
        }
        return Optional.of(new IdempotencyKey(values.getFirst().strip()));
    }

    /**
     * 201 with {@code Location}, {@code ETag} and the body, for a fresh creation and for a replay
     * alike; a replay also carries {@code Idempotent-Replayed: true}.
     */
    public static Response created(Created<?> outcome, URI location, EntityTag tag, Object body) {
        return markReplay(Response.created(location).header(HttpHeaders.ETAG, EntityTags.header(tag)).entity(body), outcome).build();
    }

    /**
     * {@link #created(Created, URI, EntityTag, Object)} as the client prefers it: the same, or a 204
     * with the same headers when it sent {@code Prefer: return=minimal} (see {@link Prefer#written}).
     * What every idempotent creating POST answers.
     */
    public static Response created(HttpHeaders headers, Created<?> outcome, URI location, EntityTag tag,
            Object body) {
        Response written = Prefer.written(headers, Response.Status.CREATED, location, tag, body);
        return markReplay(Response.fromResponse(written), outcome).build();
    }

    /** Adds {@code Idempotent-Replayed: true} to a response when {@code outcome} was replayed. */
    public static Response.ResponseBuilder markReplay(Response.ResponseBuilder response, Created<?> outcome) {
        return outcome.replayed() ? response.header(REPLAYED_HEADER, "true") : response;
    }
}
