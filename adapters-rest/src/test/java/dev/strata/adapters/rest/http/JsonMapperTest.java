package dev.strata.adapters.rest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonMapperTest {

    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void timestampsAreRfc3339AtUtcWithMicroseconds() {
        assertThat(JsonMapper.format(Instant.parse("2026-01-02T03:04:05.123456789Z")))
                .isEqualTo("2026-01-02T03:04:05.123456Z");
        assertThat(JsonMapper.format(Instant.parse("1969-12-31T23:59:59.999999Z")))
                .isEqualTo("1969-12-31T23:59:59.999999Z");
        assertThat(JsonMapper.format(Instant.parse("0001-01-01T00:00:00Z"))).isEqualTo("0001-01-01T00:00:00.000000Z");
        assertThat(JsonMapper.format(Instant.parse("9999-12-31T23:59:59.999999Z")))
                .isEqualTo("9999-12-31T23:59:59.999999Z");
    }

    @Test
    void theHandWrittenFormatAgreesWithTheJdksEverywhere() {
        SplittableRandom random = new SplittableRandom(20261122);
        long first = Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(first, last), random.nextInt(1_000_000_000));
            assertThat(JsonMapper.format(instant)).as("%s", instant).isEqualTo(REFERENCE.format(instant));
        }
    }

    @Test
    void buffersAreSharedByEveryThreadNotKeptPerThread() {
        // Requests run on virtual threads, one per request: a thread-local pool would never reuse a buffer.
        assertThat(JsonMapper.mapper().getFactory()._getRecyclerPool())
                .isSameAs(JsonRecyclerPools.sharedConcurrentDequePool());
    }
}
