package dev.strata.adapters.persistence.postgres;

import dev.strata.core.common.AlreadyExistsException;
import dev.strata.core.common.ConflictException;
import dev.strata.core.common.Created;
import dev.strata.core.common.IdempotentRequest;
import dev.strata.core.common.RequestFingerprint;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Idempotent creation over SQL, the same for every store: the record is inserted with its key and
 * fingerprint under a unique constraint on (owner, key), and the database, not a check beforehand,
 * decides which of two concurrent duplicates wins. The loser's insert violates the constraint,
 * which the store's {@link DatabaseErrors} translates into {@link #keyTaken()}; the loser then
 * reads the winner's record and replays it (or refuses it, if the fingerprints differ).
 *
 * <pre>{@code
 * DatabaseErrors errors = DatabaseErrors.translating(Map.of(
 *         "posts_author_idempotency_key_unique", IdempotentInserts::keyTaken));
 * Created<PostRecord> created = IdempotentInserts.insertOnce(post.idempotency(),
 *         () -> findByKey(post.authorId(), key),   // Optional<Keyed<PostRecord>>
 *         () -> insert(post));                     // PostRecord, in its own transaction
 * }</pre>
 *
 * <p>The insert must run in its own transaction: on PostgreSQL a violated constraint aborts the
 * transaction it happened in, and the winner must then be read in a new one. Stateless and
 * thread-safe.
 */
public final class IdempotentInserts {

    /** The code of the conflict a store's unique (owner, key) constraint is translated into. */
    public static final String KEY_TAKEN = "idempotency_key_taken";

    /** How many times a key is looked up and inserted before giving up on a key that keeps moving. */
    private static final int MAX_ROUNDS = 3;

    private IdempotentInserts() {
    }

    /** A stored record with the fingerprint of the request that created it. */
    public record Keyed<R>(R record, RequestFingerprint fingerprint) {
    }

    /** What a store's {@link DatabaseErrors} maps its unique (owner, key) constraint to. */
    public static AlreadyExistsException keyTaken() {
        return new AlreadyExistsException(KEY_TAKEN, "this idempotency key was already used");
    }

    /**
     * Inserts once per (owner, key): without a key, simply inserts; with one, replays the record
     * already stored under it, or inserts, or (having lost a race) replays the winner.
     *
     * @param request   the key and fingerprint, or empty for a request without a key
     * @param findByKey reads the record stored under the request's owner and key, if any
     * @param insert    inserts the record with the key and fingerprint, in its own transaction
     * @throws dev.strata.core.common.IdempotencyKeyReusedException when the key was used with
     *                                                              another request
     */
    public static <R> Created<R> insertOnce(Optional<IdempotentRequest> request,
            Supplier<Optional<Keyed<R>>> findByKey, Supplier<R> insert) {
        if (request.isEmpty()) {
            return Created.fresh(insert.get());
        }
        // Each round either replays, inserts, or sees the winner of a race vanish (deleted between
        // its insert and our read), in which case the key is free again and the next round inserts.
        ConflictException lastConflict = null;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Optional<Keyed<R>> existing = findByKey.get();
            if (existing.isPresent()) {
                return request.get().replay(existing.get().fingerprint(), existing.get().record());
            }
            try {
                return Created.fresh(insert.get());
            } catch (ConflictException lostTheRace) {
                if (!lostTheRace.code().equals(KEY_TAKEN)) {
                    throw lostTheRace;
                }
                lastConflict = lostTheRace;
            }
        }
        throw new IllegalStateException("the idempotency key kept changing hands", lastConflict);
    }
}
