package dev.strata.adapters.rest.http;

import jakarta.ws.rs.core.EntityTag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Strong entity tags. A single resource's tag is derived from what identifies its representation
 * (id and version, plus whatever else shapes the body, such as the fields selected), so it changes
 * exactly when the representation does; a list's tag is derived from its serialized body.
 */
public final class EntityTags {

    private EntityTags() {
    }

    /** A strong tag from the parts that determine a representation, e.g. {@code (id, version)}. */
    public static EntityTag of(Object... parts) {
        StringBuilder joined = new StringBuilder();
        for (Object part : parts) {
            // A separator that cannot occur in the parts keeps ("ab","c") apart from ("a","bc").
            joined.append(part).append('\u0000');
        }
        return ofBytes(joined.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A strong tag of exact bytes, such as a serialized list. */
    public static EntityTag ofBytes(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
