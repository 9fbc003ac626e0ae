package dev.strata.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the reading of stored hashes: any text is either no hash or one in the canonical form,
 * written back the same; it never throws.
 */
class StoredHashFuzzTest {

    @FuzzTest
    void aStoredHashIsReadOnlyInTheFormItIsWritten(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);

        StoredHash.parse(text).ifPresent(hash -> assertThat(hash).hasToString(text));
    }
}
