package dev.strata.adapters.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.persistence.memory.identity.InMemoryIdentityStore;
import dev.strata.contracts.MutableClock;
import dev.strata.contracts.identity.IdentityFixtures;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.identity.IssuedSession;
import dev.strata.core.identity.NewAccount;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final RateLimits LIMITS = new RateLimits(new RateLimits.Budget(3, Duration.ofSeconds(30)),
            new RateLimits.Budget(2, Duration.ofHours(1)));

    private final MutableClock clock = MutableClock.startingNow();
    private final RateLimiter limiter = new RateLimiter(LIMITS, new LocalRateLimitBuckets(clock));

    @Test
    void callsWithinTheBudgetAreAllowedAndCountDown() {
        assertThat(limiter.charge("ip:192.0.2.1")).isEqualTo(new RateDecision(true, 3, 2, 10, 0));
        assertThat(limiter.charge("ip:192.0.2.1")).isEqualTo(new RateDecision(true, 3, 1, 20, 0));
        assertThat(limiter.charge("ip:192.0.2.1")).isEqualTo(new RateDecision(true, 3, 0, 30, 0));
    }

    @Test
    void aCallOverTheBudgetIsRefusedWithTheTimeUntilTheNextToken() {
        for (int i = 0; i < 3; i++) {
            limiter.charge("ip:192.0.2.1");
        }
        clock.advance(Duration.ofSeconds(4));

        RateDecision refused = limiter.charge("ip:192.0.2.1");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isEqualTo(6);
        assertThat(refused.resetSeconds()).isEqualTo(26);
    }

    @Test
    void theBucketRefillsAsTheClockMoves() {
        for (int i = 0; i < 3; i++) {
            limiter.charge("ip:192.0.2.1");
        }
        assertThat(limiter.charge("ip:192.0.2.1").allowed()).isFalse();

        clock.advance(Duration.ofSeconds(10));

        assertThat(limiter.charge("ip:192.0.2.1")).isEqualTo(new RateDecision(true, 3, 0, 30, 0));
    }

    @Test
    void eachCallerHasItsOwnBucket() {
        for (int i = 0; i < 3; i++) {
            limiter.charge("ip:192.0.2.1");
        }
        assertThat(limiter.charge("ip:192.0.2.2").remaining()).isEqualTo(2);
        assertThat(limiter.charge("account:acc_1").remaining()).isEqualTo(2);
    }

    @Test
    void signUpsHaveTheirOwnStricterBudgetPerClientAddress() {
        assertThat(limiter.chargeSignUp("192.0.2.1")).isEqualTo(new RateDecision(true, 2, 1, 1800, 0));
        assertThat(limiter.chargeSignUp("192.0.2.1").allowed()).isTrue();
        RateDecision third = limiter.chargeSignUp("192.0.2.1");

        assertThat(third.allowed()).isFalse();
        assertThat(third.retryAfterSeconds()).isEqualTo(1800);
        assertThat(limiter.charge("ip:192.0.2.1").remaining()).as("the per-caller budget is apart").isEqualTo(2);
        assertThat(limiter.chargeSignUp("192.0.2.2").allowed()).isTrue();
    }

    @Test
    void aRefundGivesTheCallBackButNeverBeyondTheBudget() {
        limiter.charge("ip:192.0.2.1");
        RateDecision second = limiter.charge("ip:192.0.2.1");
        limiter.refund("ip:192.0.2.1");

        assertThat(second.refunded().remaining()).isEqualTo(2);
        assertThat(limiter.charge("ip:192.0.2.1").remaining()).isEqualTo(1);

        limiter.refund("ip:192.0.2.1");
        limiter.refund("ip:192.0.2.1");
        limiter.refund("ip:192.0.2.1");
        assertThat(limiter.charge("ip:192.0.2.1").remaining()).isEqualTo(2);
        assertThat(new RateDecision(true, 3, 3, 1, 0).refunded().remaining()).isEqualTo(3);
    }

    @Test
    void aSignUpRefundGoesToTheSignUpBudget() {
        limiter.chargeSignUp("192.0.2.1");
        limiter.chargeSignUp("192.0.2.1");
        limiter.refundSignUp("192.0.2.1");

        assertThat(limiter.chargeSignUp("192.0.2.1").allowed()).isTrue();
    }

    @Test
    void aSignedInCallerIsChargedAsItsAccountAndAnyoneElseAsItsAddress() {
        IdentityService identity = new IdentityService(new InMemoryIdentityStore(), clock,
                IdentityFixtures.FAST_HASHER, IdentityFixtures.newSigner());
        IssuedSession issued = identity.startSession(identity.createAccount(
                new NewAccount(IdentityFixtures.uniqueEmail(), "correct horse battery", "Ada")));
        AuthenticatedSession caller = identity.verifySession(issued.token());

        assertThat(RateLimiter.callerKey(Optional.of(caller), "192.0.2.1"))
                .isEqualTo("account:" + issued.account().id().value());
        assertThat(RateLimiter.callerKey(Optional.empty(), "192.0.2.1")).isEqualTo("ip:192.0.2.1");
    }
}
