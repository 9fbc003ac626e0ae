package dev.strata.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

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
    void itsPartsCannotBeChangedFromOutside() {
        StoredHash hash = StoredHash.parse(WRITTEN).orElseThrow();

        hash.salt()[0] = 0;
        hash.digest()[0] = 0;

        assertThat(hash).hasToString(WRITTEN);
        assertThat(hash.hashCode()).isEqualTo(StoredHash.parse(WRITTEN).orElseThrow().hashCode());
    }
}
