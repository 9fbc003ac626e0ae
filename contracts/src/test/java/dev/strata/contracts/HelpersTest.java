package dev.strata.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HelpersTest {

    @Test
    void aMutableClockStandsStillUntilAdvanced() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(clock.instant()).isEqualTo(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        clock.advance(Duration.ofSeconds(-3));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2025-12-31T23:59:57Z"));
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThatThrownBy(() -> clock.withZone(ZoneOffset.ofHours(1))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aRaceRunsTheActionOnEveryThreadAndKeepsEachOutcome() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();

        List<Race.Outcome> outcomes = Race.of(8, () -> {
            if (calls.incrementAndGet() % 2 == 0) {
                throw new IllegalStateException("even");
            }
            return "odd";
        });

        assertThat(calls).hasValue(8);
        assertThat(outcomes).hasSize(8);
        assertThat(outcomes).filteredOn(Race.Outcome::succeeded).hasSize(4)
                .allSatisfy(outcome -> assertThat(outcome.result()).isEqualTo("odd"));
        assertThat(outcomes).filteredOn(outcome -> !outcome.succeeded()).hasSize(4)
                .allSatisfy(outcome -> assertThat(outcome.error()).isInstanceOf(IllegalStateException.class));
    }
}
