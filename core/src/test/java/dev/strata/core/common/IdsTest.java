package dev.strata.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.SessionId;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void anOrderedIdIsThePrefixAndTwentySixLowercaseCrockfordCharacters() {
        String id = Ids.ordered("acct", Clock.systemUTC());

        assertThat(id).matches("acct_[0-7][0-9a-hjkmnp-tv-z]{25}");
    }

    @Test
    void orderedIdsSortInCreationOrderEvenWithinOneMillisecond() {
        // A sequence of its own, which has made nothing yet: every id below is in this one
        // millisecond, the first from random bits and the rest counted up from it.
        Ids.OrderedSequence sequence = new Ids.OrderedSequence(new SplittableRandom(1));
        Clock frozen = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            made.add(sequence.next("ord", frozen));
        }

        assertThat(made).isSorted().doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(Ids.millisOf(id)).isEqualTo(frozen.millis()));
    }

    @Test
    void theFirstIdOfANewMillisecondStartsFromFreshRandomBits() {
        Ids.OrderedSequence sequence = new Ids.OrderedSequence(new SplittableRandom(7));
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        String first = sequence.next("ord", clock);
        String second = sequence.next("ord", clock);

        String third = sequence.next("ord", Clock.offset(clock, Duration.ofMillis(1)));

        // Counting up changes only the last character; a new millisecond draws new random bits.
        assertThat(second.substring(0, second.length() - 1)).isEqualTo(first.substring(0, first.length() - 1));
        assertThat(Ids.millisOf(third)).isEqualTo(Ids.millisOf(first) + 1);
        assertThat(third.substring(14)).isNotEqualTo(second.substring(14));
        assertThat(List.of(first, second, third)).isSorted();
    }

    @Test
    void anIdMadeAfterTheClockSteppedBackStillSortsAfterTheLastOne() {
        Ids.OrderedSequence sequence = new Ids.OrderedSequence(new SplittableRandom(3));
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        String before = sequence.next("ord", clock);

        String after = sequence.next("ord", Clock.offset(clock, Duration.ofSeconds(-5)));

        assertThat(after).isGreaterThan(before);
        assertThat(Ids.millisOf(after)).isEqualTo(Ids.millisOf(before));
    }

    @Test
    void countingUpCarriesIntoTheHighBitsWhenTheLowBitsWrapAround() {
        long millis = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        Ids.OrderedSequence sequence = new Ids.OrderedSequence(new SplittableRandom(5), (millis << 16) | 0x1234, -1L);

        String next = sequence.next("ord", Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC));

        // high = millis, then 0x1235 (the carry); low = 0.
        assertThat(next).isEqualTo("ord_" + encoded((millis << 16) | 0x1235, 0));
    }

    @Test
    void randomLowBitsLeaveHeadroomSoCountingUpNeverReachesTheTime() {
        // A random source that returns all ones: without the headroom, the second id of the
        // millisecond would wrap the low bits, and the third would carry into the time.
        RandomGenerator allOnes = () -> -1L;
        Ids.OrderedSequence sequence = new Ids.OrderedSequence(allOnes);
        Clock frozen = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

        String first = sequence.next("ord", frozen);
        String second = sequence.next("ord", frozen);

        assertThat(first).isEqualTo("ord_" + encoded((frozen.millis() << 16) | 0xFFFF, Long.MAX_VALUE));
        assertThat(second).isEqualTo("ord_" + encoded((frozen.millis() << 16) | 0xFFFF, Long.MIN_VALUE));
        assertThat(Ids.millisOf(second)).isEqualTo(frozen.millis());
    }

    @Test
    void anOrderedIdCarriesItsMillisecond() {
        Instant when = Instant.parse("2030-05-06T07:08:09.123Z");
        Ids.OrderedSequence sequence = new Ids.OrderedSequence(new SplittableRandom(9));

        assertThat(Ids.millisOf(sequence.next("post", Clock.fixed(when, ZoneOffset.UTC))))
                .isEqualTo(when.toEpochMilli());
    }

    @Test
    void randomIdsDoNotRepeat() {
        HashSet<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(SessionId.generate().value())).isTrue();
        }
    }

    @Test
    void parsingChecksPrefixSeparatorLengthAndAlphabet() {
        String valid = AccountId.generate(Clock.systemUTC()).value();
        String body = valid.substring(5);

        assertThat(new AccountId(valid).value()).isEqualTo(valid);
        assertThat(Ids.requireValid("acct", valid)).isEqualTo(valid);
        for (String bad : List.of("post_" + body.substring(1), "acct" + body, "acct-" + body, "acct_" + body + "0",
                "acct_" + body.substring(1), "acct_" + body.substring(1) + "u", "acct_" + body.toUpperCase(),
                "acct_8" + body.substring(1), "", "acct_")) {
            assertThat(Ids.isValid("acct", bad)).as(bad).isFalse();
            assertThatThrownBy(() -> new AccountId(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(ValidationException.class,
                            error -> assertThat(error.errors().getFirst().code()).isEqualTo("malformed_id"));
        }
        assertThatThrownBy(() -> new AccountId(null)).isInstanceOf(ValidationException.class);
    }
    /** The 26 characters of a 130-bit value (two zero bits, {@code high}, {@code low}), written out independently. */
    private static String encoded(long high, long low) {
        String alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
        BigInteger value = new BigInteger(Long.toUnsignedString(high))
                .shiftLeft(64).or(new BigInteger(Long.toUnsignedString(low)));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 26; i++) {
            out.insert(0, alphabet.charAt(value.intValue() & 31));
            value = value.shiftRight(5);
        }
        return out.toString();
    }
}
