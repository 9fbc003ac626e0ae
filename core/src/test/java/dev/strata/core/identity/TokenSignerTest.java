package dev.strata.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TokenSignerTest {

    private final TokenSigner.SigningKey key = TokenSigner.SigningKey.generate("k1");
    private final TokenSigner signer = new TokenSigner(List.of(key));
    private final SessionId session = SessionId.generate();

    @Test
    void aSignedTokenVerifiesToItsSession() {
        String token = signer.sign(session);

        assertThat(token).startsWith("k1." + session.value() + ".");
        assertThat(signer.verify(token)).contains(session);
    }

    @Test
    void everyAlteredCharacterBreaksTheToken() {
        String token = signer.sign(session);
        for (int i = 0; i < token.length(); i++) {
            char replacement = token.charAt(i) == 'a' ? 'b' : 'a';
            String altered = token.substring(0, i) + replacement + token.substring(i + 1);
            assertThat(signer.verify(altered)).as("altered at %d", i).isEmpty();
        }
    }

    @Test
    void aSignatureInANonCanonicalEncodingIsRefused() {
        String token = signer.sign(session);
        String signature = token.substring(token.lastIndexOf('.') + 1);
        // 32 bytes are 43 base64url characters; the last one carries 2 unused bits.
        char last = signature.charAt(signature.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int index = alphabet.indexOf(last);
        for (int unused = 1; unused < 4; unused++) {
            char sibling = alphabet.charAt((index & ~3) | ((index + unused) & 3));
            String altered = token.substring(0, token.length() - 1) + sibling;
            assertThat(signer.verify(altered)).as("last character %s instead of %s", sibling, last).isEmpty();
        }
    }

    @Test
    void malformedTokensAreRefusedWithoutErrors() {
        for (String token : List.of("", ".", "..", "k1..", "k1.ses_x.abc", "no dots", "k1." + session.value(),
                "k1." + session.value() + ".!!!", "x".repeat(10_000))) {
            assertThat(signer.verify(token)).as(token).isEmpty();
        }
        assertThat(signer.verify(null)).isEmpty();
        String token = signer.sign(session);
        assertThat(signer.verify("k9" + token.substring(token.indexOf('.')))).as("a key id no key has").isEmpty();
    }

    @Test
    void keysShorterThan256BitsOrWithBadIdsAreRefused() {
        assertThatThrownBy(() -> new TokenSigner.SigningKey("k1", new byte[31]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenSigner.SigningKey("K.1", new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenSigner(List.of(key, key))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyNeverPrintsItsSecret() {
        assertThat(key.toString()).doesNotContain(new String(key.secret(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("redacted");
    }

    @Test
    void aTokenSignedWithAnOlderKeyStillVerifiesAfterANewKeyIsPutFirst() {
        String oldToken = signer.sign(session);
        TokenSigner rotated = new TokenSigner(List.of(TokenSigner.SigningKey.generate("k2"), key));

        assertThat(rotated.verify(oldToken)).contains(session);
        assertThat(rotated.sign(session)).startsWith("k2.");
        assertThat(rotated.verify(rotated.sign(session))).contains(session);
    }

    @Test
    void manyThreadsSigningAndVerifyingAtOnceAllGetTheRightAnswer() throws InterruptedException {
        String token = signer.sign(session);

        Callable<Boolean> signAndVerify = () -> {
            for (int i = 0; i < 1_000; i++) {
                if (!signer.sign(session).equals(token) || !signer.verify(token).equals(Optional.of(session))) {
                    return false;
                }
            }
            return true;
        };
        List<Future<Boolean>> outcomes;
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            outcomes = threads.invokeAll(Collections.nCopies(16, signAndVerify));
        }

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.resultNow()).isTrue());
    }

    @Test
    void aGeneratedKeyIsThirtyTwoRandomBytes() {
        byte[] first = TokenSigner.SigningKey.generate("k1").secret();
        byte[] second = TokenSigner.SigningKey.generate("k1").secret();

        assertThat(first).hasSize(32).isNotEqualTo(new byte[32]).isNotEqualTo(second);
        // Two signers over freshly generated keys of one id do not accept each other's tokens.
        assertThat(new TokenSigner(List.of(TokenSigner.SigningKey.generate("k1"))).verify(signer.sign(session)))
                .isEmpty();
    }

    @Test
    void aKeyKeepsItsOwnCopyOfTheSecret() {
        byte[] secret = new byte[32];
        TokenSigner.SigningKey copied = new TokenSigner.SigningKey("k1", secret);
        secret[0] = 1;
        copied.secret()[1] = 1;

        assertThat(copied.secret()).isEqualTo(new byte[32]);
        assertThat(copied).isEqualTo(new TokenSigner.SigningKey("k1", new byte[32]))
                .hasSameHashCodeAs(new TokenSigner.SigningKey("k1", new byte[32]))
                .isNotEqualTo(new TokenSigner.SigningKey("k2", new byte[32]))
                .isNotEqualTo(new TokenSigner.SigningKey("k1", secret));
    }
}
