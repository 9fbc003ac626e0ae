package dev.strata.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void theDefaultHasherUsesArgon2idWithTheRecommendedParameters() {
        PasswordHasher hasher = new PasswordHasher();

        String hash = hasher.hash("correct horse battery staple");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.verify("correct horse battery stapler", hash)).isFalse();
    }

    @Test
    void twoHashesOfOnePasswordDifferByTheirSalt() {
        PasswordHasher hasher = IdentityFixtures.FAST_HASHER;

        assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
    }

    @Test
    void aHashMadeUnderOtherParametersStillVerifies() {
        String oldHash = IdentityFixtures.FAST_HASHER.hash("an old password");

        assertThat(new PasswordHasher().verify("an old password", oldHash)).isTrue();
    }

    @Test
    void aMalformedStoredHashDoesNotVerify() {
        assertThat(IdentityFixtures.FAST_HASHER.verify("anything", "not a hash")).isFalse();
    }

    @Test
    void anObserverIsToldHowLongEachComputationTookAndTheHashesStillVerify() {
        List<PasswordHasher.Operation> seen = new CopyOnWriteArrayList<>();
        List<Duration> took = new CopyOnWriteArrayList<>();
        PasswordHasher observed = IdentityFixtures.FAST_HASHER.observedBy((operation, duration) -> {
            seen.add(operation);
            took.add(duration);
        });

        String hash = observed.hash("a password");
        boolean verified = observed.verify("a password", hash);
        observed.verifyAgainstNothing("another password");

        assertThat(verified).isTrue();
        assertThat(IdentityFixtures.FAST_HASHER.verify("a password", hash)).isTrue();
        assertThat(seen).containsExactly(PasswordHasher.Operation.HASH, PasswordHasher.Operation.VERIFY,
                PasswordHasher.Operation.VERIFY);
        assertThat(took).allSatisfy(duration -> assertThat(duration).isPositive());
    }
}
