package dev.strata.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.SessionId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void anOrderedIdIsThePrefixAndTwentySixLowercaseCrockfordCharacters() {
        String id = Ids.ordered("acct", Clock.systemUTC());

        assertThat(id).matches("acct_[0-7][0-9a-hjkmnp-tv-z]{25}");
    }

    @Test
    void orderedIdsSortInCreationOrderEvenWithinOneMillisecond() {
        Clock frozen = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            made.add(Ids.ordered("ord", frozen));
        }

        assertThat(made).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void anOrderedIdCarriesItsMillisecond() {
        Instant when = Instant.parse("2030-05-06T07:08:09.123Z");

        assertThat(Ids.millisOf(Ids.ordered("post", Clock.fixed(when, java.time.ZoneOffset.UTC))))
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
}
