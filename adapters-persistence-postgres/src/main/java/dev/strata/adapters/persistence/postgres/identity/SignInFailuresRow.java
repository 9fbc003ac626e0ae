package dev.strata.adapters.persistence.postgres.identity;

import dev.strata.core.identity.store.SignInFailures;
import java.time.Instant;
import java.util.Optional;

/** How many failed sign-ins matched, and the oldest of them ({@code null} when none did). */
record SignInFailuresRow(long failures, Instant oldest) {

    SignInFailures toRecord() {
        return failures == 0 ? SignInFailures.NONE : new SignInFailures(Math.toIntExact(failures), Optional.of(oldest));
    }
}
