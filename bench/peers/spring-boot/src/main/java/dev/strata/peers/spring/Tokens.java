package dev.strata.peers.spring;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Verifies Strata's bearer tokens, {@code <key id>.<session id>.<HMAC-SHA256 of "<key id>.<session
 * id>", base64url without padding>}, with the keys of {@code STRATA_TOKEN_KEYS}
 * ({@code id:base64secret,...}), comparing MACs in constant time, as Strata's TokenSigner does.
 */
@Component
public class Tokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /**
     * One initialized {@link Mac} per key id, cloned for each call (as Strata's TokenSigner does, so
     * that verifying costs every server the same): clones are independent, so this is thread-safe.
     */
    private final Map<String, Mac> keys = new LinkedHashMap<>();

    public Tokens(@Value("${STRATA_TOKEN_KEYS}") String configured) {
        for (String entry : configured.split(",")) {
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("a token key is written id:base64secret");
            }
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(trimmed.substring(colon + 1)), ALGORITHM));
                keys.put(trimmed.substring(0, colon), mac);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available", e);
            }
        }
    }

    /** The session id a well-formed token with a valid signature stands for. */
    public Optional<String> sessionOf(String token) {
        if (token == null || token.length() > 256) {
            return Optional.empty();
        }
        int firstDot = token.indexOf('.');
        int lastDot = token.lastIndexOf('.');
        if (firstDot <= 0 || lastDot <= firstDot) {
            return Optional.empty();
        }
        Mac key = keys.get(token.substring(0, firstDot));
        String sessionId = token.substring(firstDot + 1, lastDot);
        if (key == null || !sessionId.startsWith("ses_") || sessionId.length() != 30) {
            return Optional.empty();
        }
        byte[] expected;
        try {
            Mac mac = (Mac) key.clone();
            expected = ENCODER.encode(mac.doFinal(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("this provider's HMAC cannot be cloned", e);
        }
        byte[] presented = token.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented) ? Optional.of(sessionId) : Optional.empty();
    }
}
