package dev.strata.core.identity;

import java.time.Duration;
import java.util.Objects;

/**
 * The identity service's tunable rules: how long a session lives, and how many failed sign-ins
 * for one email within a window lock that email out until the window has passed.
 */
public record IdentityPolicy(Duration sessionLifetime, int maxSignInFailures, Duration signInFailureWindow) {

    /** Sessions of 7 days; 10 failed sign-ins within 15 minutes lock an email out. */
    public static final IdentityPolicy DEFAULT = new IdentityPolicy(Duration.ofDays(7), 10, Duration.ofMinutes(15));

    public IdentityPolicy {
        Objects.requireNonNull(sessionLifetime, "sessionLifetime");
        Objects.requireNonNull(signInFailureWindow, "signInFailureWindow");
        if (sessionLifetime.isNegative() || sessionLifetime.isZero()) {
            throw new IllegalArgumentException("a session lifetime must be positive");
        }
        if (maxSignInFailures < 1) {
            throw new IllegalArgumentException("at least one failed sign-in must be allowed");
        }
        if (signInFailureWindow.isNegative() || signInFailureWindow.isZero()) {
            throw new IllegalArgumentException("the sign-in failure window must be positive");
        }
    }

    public IdentityPolicy withSessionLifetime(Duration lifetime) {
        return new IdentityPolicy(lifetime, maxSignInFailures, signInFailureWindow);
    }
}
