package dev.strata.adapters.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Instants go in and come out unchanged whatever the JVM's time zone. */
class StrataJdbiPluginTest {

    /** 01:30 EST, the second 01:30 of the night New York set its clocks back (the first was EDT). */
    private static final Instant REPEATED_HOUR = Instant.parse("2025-11-02T06:30:00.654321Z");

    @Test
    void anInstantInTheRepeatedHourOfADaylightSavingChangeReadsBackUnchangedOnH2() {
        TimeZone original = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
        try (StrataDatabase database = StrataDatabase.open(
                DatabaseSettings.of(StrataDatabase.h2MemoryUrl("zone-" + UUID.randomUUID())).withPoolSize(1))) {
            assertThat(roundTrip(database)).isEqualTo(REPEATED_HOUR);
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void anInstantReadsBackUnchangedOnPostgres() {
        assertThat(roundTrip(TestDatabases.postgres())).isEqualTo(REPEATED_HOUR);
    }

    private static Instant roundTrip(StrataDatabase database) {
        return database.jdbi().withHandle(handle -> handle
                .createQuery("SELECT CAST(:at AS timestamp with time zone)")
                .bind("at", REPEATED_HOUR)
                .mapTo(Instant.class)
                .one());
    }
}
