package dev.strata.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoredHashTest {

    /** Written by Spring Security's Argon2 encoder (16-byte salt, 32-byte digest), as stored before. */
    private static final String WRITTEN = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA"
            + "$ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGk";

    @Test
    void aPhcStringIsReadIntoItsPartsAndWrittenBackTheSame() {
        StoredHash hash = StoredHash.parse(WRITTEN).orElseThrow();

        assertThat(hash.parameters()).isEqualTo(new PasswordHasher.Parameters(19_456, 2, 1));
        assertThat(new String(hash.salt(), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("saltsaltsaltsalt");
        assertThat(hash.digest()).hasSize(32);
        assertThat(hash).hasToString(WRITTEN);
        assertThat(StoredHash.parse(WRITTEN)).contains(hash);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not a hash",
        // Another variant, version or layout of Argon2.
        "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGk",
        "$argon2d$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGk",
        "$argon2id$v=16$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGk",
        "$argon2id$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGk",
        "$argon2id$v=19$t=2,m=19456,p=1$c2FsdHNhbHRzYWx0c2FsdA$ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGk",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGk$",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA",
        // Numbers not in their one canonical form, or out of range.
        "$argon2id$v=19$m=019456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGk",
        "$argon2id$v=19$m=+19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGk",
        "$argon2id$v=19$m=19456,t=0,p=1$c2FsdHNhbHRzYWx0c2FsdA$ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGk",
        "$argon2id$v=19$m=4294967296,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGk",
        "$argon2id$v=19$m=19456,t=2,p=16777216$c2FsdHNhbHRzYWx0c2FsdA$ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGk",
        // Less memory than eight blocks per lane.
        "$argon2id$v=19$m=15,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA$ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGk",
        // Base64 padded, with stray bits, of the URL alphabet, or too short for a salt or a digest.
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA==$ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGk",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdB$ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGk",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2F_dA$ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGk",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGk",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$ZGln",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$Z",
    })
    void anythingElseIsNotAStoredHash(String text) {
        assertThat(StoredHash.parse(text)).isEqualTo(Optional.empty());
    }

    @Test
    void theSmallestSaltDigestAndMemoryAreAccepted() {
        String smallest = "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$ZGlnZQ";

        assertThat(StoredHash.parse(smallest)).hasValueSatisfying(hash -> {
            assertThat(hash.salt()).hasSize(StoredHash.MIN_SALT_BYTES);
            assertThat(hash.digest()).hasSize(StoredHash.MIN_DIGEST_BYTES);
            assertThat(hash).hasToString(smallest);
        });
    }

    @Test
    void theLargestNumbersThatFitAreAccepted() {
        String largest = "$argon2id$v=19$m=2147483647,t=2147483647,p=16777215$c2FsdHNhbHQ$ZGlnZQ";

        assertThat(StoredHash.parse(largest)).hasValueSatisfying(hash -> {
            assertThat(hash.parameters()).isEqualTo(new PasswordHasher.Parameters(Integer.MAX_VALUE, Integer.MAX_VALUE,
                    16_777_215));
            assertThat(hash).hasToString(largest);
        });
    }

    @Test
    void aHashIsMadeOnlyOfASaltAndADigestArgon2Accepts() {
        PasswordHasher.Parameters parameters = PasswordHasher.RECOMMENDED;

        assertThatThrownBy(() -> new StoredHash(parameters, new byte[7], new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StoredHash(parameters, new byte[16], new byte[3]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new StoredHash(parameters, new byte[8], new byte[4]).salt()).hasSize(8);
    }

    @Test
    void hashesAreEqualExactlyWhenAllTheirPartsAre() {
        StoredHash hash = StoredHash.parse(WRITTEN).orElseThrow();
        byte[] otherSalt = hash.salt();
        otherSalt[0] ^= 1;
        byte[] otherDigest = hash.digest();
        otherDigest[0] ^= 1;

        assertThat(hash).isEqualTo(new StoredHash(hash.parameters(), hash.salt(), hash.digest()))
                .hasSameHashCodeAs(new StoredHash(hash.parameters(), hash.salt(), hash.digest()))
                .isNotEqualTo(new StoredHash(hash.parameters(), otherSalt, hash.digest()))
                .isNotEqualTo(new StoredHash(hash.parameters(), hash.salt(), otherDigest))
                .isNotEqualTo(new StoredHash(new PasswordHasher.Parameters(19_456, 3, 1), hash.salt(), hash.digest()))
                .isNotEqualTo(WRITTEN);
        assertThat(hash.hashCode()).isNotEqualTo(new StoredHash(hash.parameters(), otherSalt, hash.digest()).hashCode());
    }

    @Test
    void itsPartsCannotBeChangedFromOutside() {
        StoredHash hash = StoredHash.parse(WRITTEN).orElseThrow();

        hash.salt()[0] = 0;
        hash.digest()[0] = 0;

        assertThat(hash).hasToString(WRITTEN);
        assertThat(hash.hashCode()).isEqualTo(StoredHash.parse(WRITTEN).orElseThrow().hashCode());
    }
}
