package dev.strata.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator services check input with, and the exceptions core reports failures by. */
class ValidationTest {

    @Test
    void textIsTrimmedAndCheckedAtItsExactBounds() {
        Validator validator = new Validator();

        assertThat(validator.text("name", " ab ", 2, 4)).as("trimmed, the maximum counting the text as sent")
                .isEqualTo("ab");
        assertThat(validator.text("name", "abc", 2, 3)).isEqualTo("abc");
        assertThat(validator.text("name", "\uD83D\uDE80\uD83D\uDE80", 2, 2)).as("code points, not chars")
                .isEqualTo("\uD83D\uDE80\uD83D\uDE80");
        assertThat(validator.hasErrors()).isFalse();
        validator.throwIfInvalid();
    }

    @Test
    void everyRejectedTextIsNamedWithItsCodeAndGivesNull() {
        Validator validator = new Validator();

        assertThat(validator.text("missing", null, 1, 3)).isNull();
        assertThat(validator.text("blank", "   ", 1, 3)).isNull();
        assertThat(validator.text("short", "a", 2, 3)).isNull();
        assertThat(validator.text("long", "abcd", 2, 3)).isNull();
        assertThat(validator.text("padded", " ab ", 2, 3)).as("the maximum counts the text as sent").isNull();
        assertThat(validator.text("bell", "a\u0007b", 1, 3)).isNull();
        assertThat(validator.hasErrors()).isTrue();

        assertThatThrownBy(validator::throwIfInvalid).isInstanceOfSatisfying(ValidationException.class, error -> {
            assertThat(error.errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                    tuple("missing", "required"),
                    tuple("blank", "required"),
                    tuple("short", "too_short"),
                    tuple("long", "too_long"),
                    tuple("padded", "too_long"),
                    tuple("bell", "control_characters"));
            assertThat(error.code()).isEqualTo("validation_failed");
            assertThat(error.getMessage()).startsWith("missing: is required; blank: ")
                    .contains("short: must be at least 2 characters, surrounding whitespace aside; long: must be at most 3 characters");
        });
    }

    @Test
    void rejectingReturnsTheValidatorAndAFailureNamesAtLeastOneField() {
        Validator validator = new Validator();

        assertThat(validator.reject("a", "bad", "is bad")).isSameAs(validator);
        assertThatThrownBy(() -> new ValidationException(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(ValidationException.of("a", "bad", "is bad").getMessage()).isEqualTo("a: is bad");
    }

    @Test
    void codesAreSnakeCase() {
        assertThatThrownBy(() -> new NotFoundException("Not Found", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NotFoundException("_x", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new NotFoundException("a_1", "x").code()).isEqualTo("a_1");
    }

    @Test
    void aRetryAfterIsNeverNegative() {
        assertThat(new RateLimitedException("slow_down", "x", Duration.ofSeconds(-3)).retryAfter()).isZero();
        assertThat(new RateLimitedException("slow_down", "x", Duration.ofSeconds(3)).retryAfter())
                .isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aFingerprintIsSixtyFourLowercaseHexDigitsAndPrintsAsThem() {
        RequestFingerprint fingerprint = RequestFingerprint.of("op", "a");

        assertThat(fingerprint.toString()).isEqualTo(fingerprint.value()).matches("[0-9a-f]{64}");
        assertThatThrownBy(() -> new RequestFingerprint("A".repeat(64))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestFingerprint("a".repeat(63))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new IdempotencyKey("key-1").toString()).isEqualTo("key-1");
    }
}
