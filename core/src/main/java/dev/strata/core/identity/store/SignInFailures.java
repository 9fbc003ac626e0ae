package dev.strata.core.identity.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The failed sign-ins recorded for one email since some instant: how many, and when the oldest of
 * them happened (empty when there are none).
 */
public record SignInFailures(int count, Optional<Instant> oldest) {

    public static final SignInFailures NONE = new SignInFailures(0, Optional.empty());

    public SignInFailures {
        Objects.requireNonNull(oldest, "oldest");
        if (count < 0 || (count == 0) != oldest.isEmpty()) {
            throw new IllegalArgumentException("count and oldest disagree");
        }
    }
}
