package dev.strata.adapters.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.adapters.persistence.postgres.IdempotentInserts.Keyed;
import dev.strata.core.common.ConflictException;
import dev.strata.core.common.Created;
import dev.strata.core.common.IdempotencyKey;
import dev.strata.core.common.IdempotencyKeyReusedException;
import dev.strata.core.common.IdempotentRequest;
import dev.strata.core.common.RequestFingerprint;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class IdempotentInsertsTest {

    private static final RequestFingerprint FINGERPRINT = RequestFingerprint.of("op", "a");
    private static final Optional<IdempotentRequest> REQUEST =
            Optional.of(new IdempotentRequest(new IdempotencyKey("k"), FINGERPRINT));

    private final AtomicReference<Keyed<String>> stored = new AtomicReference<>();
    private final AtomicInteger inserts = new AtomicInteger();

    @Test
    void withoutAKeyItInserts() {
        Created<String> created = IdempotentInserts.insertOnce(Optional.empty(), () -> {
            throw new AssertionError("no key, no lookup");
        }, () -> "new");

        assertThat(created).isEqualTo(Created.fresh("new"));
    }

    @Test
    void aNewKeyInsertsAndTheSameKeyAgainReplays() {
        Created<String> first = IdempotentInserts.insertOnce(REQUEST, () -> Optional.ofNullable(stored.get()), this::insert);
        Created<String> second = IdempotentInserts.insertOnce(REQUEST, () -> Optional.ofNullable(stored.get()), this::insert);

        assertThat(first).isEqualTo(Created.fresh("record-1"));
        assertThat(second).isEqualTo(Created.replayed("record-1"));
        assertThat(inserts).hasValue(1);
    }

    @Test
    void losingTheRaceReplaysTheWinner() {
        Created<String> created = IdempotentInserts.insertOnce(REQUEST, new java.util.function.Supplier<>() {
            private boolean first = true;

            @Override
            public Optional<Keyed<String>> get() {
                // The winner commits between our lookup and our insert.
                Optional<Keyed<String>> seen = first ? Optional.empty() : Optional.of(new Keyed<>("winner", FINGERPRINT));
                first = false;
                return seen;
            }
        }, () -> {
            throw IdempotentInserts.keyTaken();
        });

        assertThat(created).isEqualTo(Created.replayed("winner"));
    }

    @Test
    void aWinnerThatVanishesBeforeItIsReadLeavesTheKeyFreeToInsert() {
        AtomicInteger attempts = new AtomicInteger();

        Created<String> created = IdempotentInserts.insertOnce(REQUEST, Optional::empty, () -> {
            if (attempts.incrementAndGet() == 1) {
                throw IdempotentInserts.keyTaken();
            }
            return "second try";
        });

        assertThat(created).isEqualTo(Created.fresh("second try"));
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() {
        stored.set(new Keyed<>("record", RequestFingerprint.of("op", "b")));

        assertThatThrownBy(() -> IdempotentInserts.insertOnce(REQUEST, () -> Optional.ofNullable(stored.get()),
                this::insert)).isInstanceOf(IdempotencyKeyReusedException.class);
    }

    @Test
    void otherConflictsPassThrough() {
        assertThatThrownBy(() -> IdempotentInserts.insertOnce(REQUEST, Optional::empty, () -> {
            throw new ConflictException("something_else", "no");
        })).isInstanceOfSatisfying(ConflictException.class, error -> assertThat(error.code()).isEqualTo("something_else"));
    }

    private String insert() {
        String record = "record-" + inserts.incrementAndGet();
        stored.set(new Keyed<>(record, FINGERPRINT));
        return record;
    }
}
