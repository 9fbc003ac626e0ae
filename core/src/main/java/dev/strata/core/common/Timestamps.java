package dev.strata.core.common;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Strata's instants have microsecond precision, the finest both PostgreSQL and H2 store, so that an
 * instant reads back from any store exactly as it was written.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** The current instant of {@code clock}, truncated to microseconds. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
