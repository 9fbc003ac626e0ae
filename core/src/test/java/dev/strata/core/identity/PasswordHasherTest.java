package dev.strata.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

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
}
