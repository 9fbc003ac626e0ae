package dev.strata.core.identity;

import dev.strata.core.common.Ids;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a session id into a bearer token and back. A token is
 * {@code <key id>.<session id>.<HMAC-SHA256 of "<key id>.<session id>", base64url>}.
 *
 * <p>Keys rotate: the first key signs new tokens, and every key verifies the tokens signed under
 * it, chosen by the key id in the token. To rotate, put a new key first, keep the old one until
 * the longest session signed with it has expired, then drop it. MACs are compared in constant
 * time; every way a token can be wrong yields the same empty answer.
 *
 * <p>Thread-safe.
 */
public final class TokenSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SigningKey current;
    private final Map<String, SigningKey> byId;
    /**
     * One initialized {@link Mac} per key id, never used directly: each call works on a clone, which
     * skips the provider lookup and key setup that {@code Mac.getInstance} + {@code init} cost on
     * every request (seen in the profile of {@code GET /v1/sessions/me}). Clones are independent,
     * so this stays thread-safe.
     */
    private final Map<String, Mac> prototypes;

    /** @param keys the signing keys, the one that signs new tokens first; ids must be distinct */
    public TokenSigner(List<SigningKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one signing key is needed");
        }
        Map<String, SigningKey> map = new LinkedHashMap<>();
        for (SigningKey key : keys) {
            if (map.putIfAbsent(key.id(), key) != null) {
                throw new IllegalArgumentException("two signing keys share the id " + key.id());
            }
        }
        this.current = keys.getFirst();
        this.byId = Map.copyOf(map);
        Map<String, Mac> macs = new LinkedHashMap<>();
        map.forEach((id, key) -> macs.put(id, newMac(key)));
        this.prototypes = Map.copyOf(macs);
    }

    /** The token that stands for {@code sessionId}, signed with the current key. */
    public String sign(SessionId sessionId) {
        String payload = current.id() + "." + sessionId.value();
        return payload + "." + ENCODER.encodeToString(mac(current.id(), payload));
    }

    /** The session id a token stands for, if the token is well-formed and its signature holds. */
    public Optional<SessionId> verify(String token) {
        if (token == null || token.length() > 256) {
            return Optional.empty();
        }
        int firstDot = token.indexOf('.');
        int lastDot = token.lastIndexOf('.');
        if (firstDot <= 0 || lastDot <= firstDot) {
            return Optional.empty();
        }
        String keyId = token.substring(0, firstDot);
        SigningKey key = byId.get(keyId);
        String sessionId = token.substring(firstDot + 1, lastDot);
        if (key == null || !Ids.isValid(SessionId.PREFIX, sessionId)) {
            return Optional.empty();
        }
        // Compare the signature as text, against its one canonical encoding: decoding first would
        // let a token whose last character differs only in unused bits verify. MessageDigest.isEqual
        // takes time independent of where the arrays differ.
        byte[] presented = token.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = ENCODER.encodeToString(mac(keyId, token.substring(0, lastDot)))
                .getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, presented)) {
            return Optional.empty();
        }
        return Optional.of(new SessionId(sessionId));
    }

    private byte[] mac(String keyId, String payload) {
        Mac prototype = prototypes.get(keyId);
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            // A provider whose HMAC cannot be cloned: pay for a fresh one.
            mac = newMac(byId.get(keyId));
        }
        return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
    }

    private static Mac newMac(SigningKey key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.secret(), ALGORITHM));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /**
     * One HMAC key and its id.
     *
     * @param id     1–32 characters of {@code [a-z0-9-]}, written into every token it signs
     * @param secret at least 32 bytes
     */
    public record SigningKey(String id, byte[] secret) {

        public SigningKey {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(secret, "secret");
            if (!id.matches("[a-z0-9-]{1,32}")) {
                throw new IllegalArgumentException("a key id is 1-32 characters of a-z, 0-9 and '-'");
            }
            if (secret.length < 32) {
                throw new IllegalArgumentException("a signing key needs at least 32 bytes (256 bits)");
            }
            secret = secret.clone();
        }

        /** A new key of 32 random bytes. */
        public static SigningKey generate(String id) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            return new SigningKey(id, secret);
        }

        @Override
        public byte[] secret() {
            return secret.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SigningKey that && id.equals(that.id) && Arrays.equals(secret, that.secret);
        }

        @Override
        public int hashCode() {
            return id.hashCode();
        }

        @Override
        public String toString() {
            return "SigningKey[id=" + id + ", secret=<redacted>]";
        }
    }
}
