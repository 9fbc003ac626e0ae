package dev.strata.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Fuzzes token verification: any text verifies to nothing, or to the session whose token it is,
 * in the one canonical form the signer writes ({@code sign} gives the same text back); it never
 * throws. The keys are fixed so that the stored inputs can hold real tokens to mutate.
 */
class TokenSignerFuzzTest {

    private static final TokenSigner SIGNER = new TokenSigner(List.of(key("k2", 2), key("k1", 1)));
    private static final TokenSigner FIRST_KEY_ONLY = new TokenSigner(List.of(key("k1", 1)));

    private static TokenSigner.SigningKey key(String id, int fill) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) fill);
        return new TokenSigner.SigningKey(id, secret);
    }

    @FuzzTest
    void aTokenVerifiesOnlyAsItWasSigned(byte[] data) {
        String token = new String(data, StandardCharsets.UTF_8);

        Optional<SessionId> session = SIGNER.verify(token);

        session.ifPresent(id -> {
            String signed = token.startsWith("k1.") ? FIRST_KEY_ONLY.sign(id) : SIGNER.sign(id);
            assertThat(signed).isEqualTo(token);
        });
    }
}
