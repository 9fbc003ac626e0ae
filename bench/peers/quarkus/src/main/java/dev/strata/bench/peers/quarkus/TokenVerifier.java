package dev.strata.bench.peers.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies Strata's bearer tokens: {@code <key id>.<session id>.<MAC>}, where the MAC is the
 * HMAC-SHA256 of {@code "<key id>.<session id>"} under the key of that id, base64url without
 * padding. The keys come from {@code STRATA_TOKEN_KEYS} ({@code id:base64secret,...}; the first one
 * signs, every one verifies). The MAC is compared as text, in constant time. Thread-safe.
 */
@ApplicationScoped
public class TokenVerifier {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final String SESSION_PREFIX = "ses";

    /** One initialized MAC per key id, cloned for each use: cheaper than Mac.getInstance and init. */
    private final Map<String, Mac> prototypes = new HashMap<>();

    /** The verifier of the keys in {@code keys}, written as {@code STRATA_TOKEN_KEYS} is. */
    public TokenVerifier(@ConfigProperty(name = "strata.token-keys") String keys) {
        for (String entry : keys.split(",")) {
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("a token key is written id:base64secret");
            }
            byte[] secret = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            if (secret.length < 32) {
                throw new IllegalArgumentException("a signing key needs at least 32 bytes");
            }
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(new SecretKeySpec(secret, ALGORITHM));
                prototypes.put(trimmed.substring(0, colon), mac);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available", e);
            }
        }
    }

    /** The session id the token stands for, when it is well-formed and its MAC holds. */
    public Optional<String> verify(String token) {
        if (token == null || token.length() > 256) {
            return Optional.empty();
        }
        int firstDot = token.indexOf('.');
        int lastDot = token.lastIndexOf('.');
        if (firstDot <= 0 || lastDot <= firstDot) {
            return Optional.empty();
        }
        Mac prototype = prototypes.get(token.substring(0, firstDot));
        String sessionId = token.substring(firstDot + 1, lastDot);
        if (prototype == null || !Ids.isValid(SESSION_PREFIX, sessionId)) {
            return Optional.empty();
        }
        byte[] expected = ENCODER.encode(mac(prototype, token.substring(0, lastDot)));
        byte[] presented = token.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented) ? Optional.of(sessionId) : Optional.empty();
    }

    private static byte[] mac(Mac prototype, String payload) {
        try {
            return ((Mac) prototype.clone()).doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the HMAC provider cannot clone", e);
        }
    }
}
