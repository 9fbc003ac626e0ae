package dev.strata.bench.peers.quarkus;

import jakarta.ws.rs.core.EntityTag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/** What every response of Strata's shares: RFC 3339 UTC times with microseconds, and strong ETags. */
final class Representations {

    private static final DateTimeFormatter RFC_3339_MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Representations() {
    }

    /** {@code 2026-01-02T03:04:05.123456Z}. */
    static String time(Instant instant) {
        return RFC_3339_MICROS.format(instant);
    }

    /**
     * Strata's strong tag of a representation: the first 27 characters of the base64url SHA-256 of
     * its parts, each followed by a NUL, so that the same resource at the same version has the same
     * tag from Strata and from this peer.
     */
    static EntityTag tag(Object... parts) {
        StringBuilder joined = new StringBuilder();
        for (Object part : parts) {
            joined.append(part).append('\u0000');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.toString().getBytes(StandardCharsets.UTF_8));
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
