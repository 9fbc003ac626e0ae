package dev.strata.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IdempotencyTest {

    @Nested
    class Keys {

        @Test
        void aKeyIsOneTo255CharactersOfVisibleAscii() {
            assertThat(new IdempotencyKey("a").value()).isEqualTo("a");
            assertThat(new IdempotencyKey("x".repeat(255)).value()).hasSize(255);
            assertThat(new IdempotencyKey("550e8400-e29b-41d4-a716-446655440000~!{}").value()).isNotEmpty();
        }

        @Test
        void aMalformedKeyIsAValidationErrorOnTheHeader() {
            for (String bad : List.of("", "x".repeat(256), "has space", "tab\t", "caf\u00e9", "new\nline", "\u007f")) {
                assertThat(IdempotencyKey.isWellFormed(bad)).as(bad).isFalse();
                assertThatThrownBy(() -> new IdempotencyKey(bad)).as(bad)
                        .isInstanceOfSatisfying(ValidationException.class, error -> {
                            assertThat(error.errors().getFirst().field()).isEqualTo("Idempotency-Key");
                            assertThat(error.errors().getFirst().code()).isEqualTo("malformed_idempotency_key");
                        });
            }
            assertThatThrownBy(() -> new IdempotencyKey(null)).isInstanceOf(ValidationException.class);
        }
    }

    @Nested
    class Fingerprints {

        @Test
        void theSameRequestHasTheSameFingerprint() {
            assertThat(RequestFingerprint.of("create_post", "", "hello"))
                    .isEqualTo(RequestFingerprint.of("create_post", "", "hello"));
            assertThat(RequestFingerprint.of("create_post", "hello").value()).matches("[0-9a-f]{64}");
        }

        @Test
        void partsAreKeptApartAndTheOperationCounts() {
            assertThat(RequestFingerprint.of("op", "ab", "c")).isNotEqualTo(RequestFingerprint.of("op", "a", "bc"));
            assertThat(RequestFingerprint.of("create_post", "x")).isNotEqualTo(RequestFingerprint.of("create_channel", "x"));
            assertThat(RequestFingerprint.of("op", "\u05e9\u05dc\u05d5\u05dd"))
                    .isNotEqualTo(RequestFingerprint.of("op", "\u05e9\u05dc\u05d5\u05dd\u200b"));
        }
    }

    @Nested
    class Replays {

        private final IdempotentRequest request =
                new IdempotentRequest(new IdempotencyKey("k1"), RequestFingerprint.of("op", "a"));

        @Test
        void aRetryOfTheSameRequestReplaysTheOriginal() {
            Created<String> replay = request.replay(RequestFingerprint.of("op", "a"), "original");

            assertThat(replay.replayed()).isTrue();
            assertThat(replay.value()).isEqualTo("original");
            assertThat(replay.map(String::length)).isEqualTo(Created.replayed(8));
        }

        @Test
        void theSameKeyWithAnotherRequestIsRefused() {
            assertThatThrownBy(() -> request.replay(RequestFingerprint.of("op", "b"), "original"))
                    .isInstanceOfSatisfying(IdempotencyKeyReusedException.class,
                            error -> assertThat(error.code()).isEqualTo("idempotency_key_reused"));
        }

        @Test
        void aFreshCreationIsNotAReplay() {
            assertThat(Created.fresh("new").replayed()).isFalse();
        }
    }
}
