package dev.strata.adapters.rest.http;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.ext.RuntimeDelegate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Strong entity tags. A single resource's tag is derived from what identifies its representation
 * (id and version, plus whatever else shapes the body, such as the fields selected), so it changes
 * exactly when the representation does; a list's tag is derived from its serialized body.
 */
public final class EntityTags {

    /** The longest conditional header (its lines joined by ", ") read; the document's {@code maxLength}. */
    public static final int MAX_CONDITION_LENGTH = 1024;

    /** Never used itself: each tag is computed by a clone. */
    private static final MessageDigest SHA_256 = sha256();

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

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

    /**
     * What a conditional header ({@code If-Match}, {@code If-None-Match}) names: any current
     * representation ({@code *}), or a list of tags (empty when the header is absent or empty).
     */
    public record Condition(boolean any, List<EntityTag> tags) {

        public Condition {
            tags = List.copyOf(tags);
        }

        /** Whether the header was absent or named no tag at all. */
        public boolean isEmpty() {
            return !any && tags.isEmpty();
        }

        /** RFC 9110 §8.8.3.2 strong comparison, as {@code If-Match} demands: neither tag weak. */
        public boolean matchesStrongly(EntityTag current) {
            return any || tags.stream().anyMatch(tag -> !tag.isWeak() && !current.isWeak()
                    && tag.getValue().equals(current.getValue()));
        }

        /** RFC 9110 §8.8.3.2 weak comparison, as {@code If-None-Match} demands: opaque parts equal. */
        public boolean matchesWeakly(EntityTag current) {
            return any || tags.stream().anyMatch(tag -> tag.getValue().equals(current.getValue()));
        }
    }

    /**
     * Reads a conditional header's values (RFC 9110 §13.1.1, §13.1.2): {@code "*"} alone, or a list
     * of entity tags {@code [W/]"opaque"}, where the opaque part holds no quote, space or control
     * character (RFC 9110 §8.8.3). RFC 9110 tells a recipient to ignore none of these headers when
     * malformed (unlike If-Modified-Since, §13.1.3), so a malformed one is refused, and so is one
     * longer than {@link #MAX_CONDITION_LENGTH}.
     *
     * @param header the header's name, for the failure
     * @param values every line of the header as received, or null when absent
     * @throws MalformedHeaderException naming the header
     */
    public static Condition parse(String header, List<String> values) {
        if (values == null || values.isEmpty()) {
            return new Condition(false, List.of());
        }
        if (String.join(", ", values).length() > MAX_CONDITION_LENGTH) {
            throw new MalformedHeaderException(header, "is longer than " + MAX_CONDITION_LENGTH + " characters");
        }
        List<EntityTag> tags = new ArrayList<>();
        int stars = 0;
        for (String value : values) {
            HeaderCursor cursor = new HeaderCursor(header, value);
            for (boolean first = true; cursor.nextElement(first); first = false) {
                if (cursor.take('*')) {
                    stars++;
                } else {
                    tags.add(entityTag(cursor));
                }
            }
        }
        boolean any = stars > 0;
        if (any && stars + tags.size() > 1) {
            throw new MalformedHeaderException(header, "* stands alone: it cannot be listed with entity tags");
        }
        return new Condition(any, tags);
    }

    private static EntityTag entityTag(HeaderCursor cursor) {
        boolean weak = cursor.take("W/");
        cursor.expect('"', "an entity tag in double quotes, such as \"abc\" or W/\"abc\"");
        StringBuilder opaque = new StringBuilder();
        while (!cursor.take('"')) {
            char next = cursor.peek();
            // etagc = %x21 / %x23-7E / obs-text
            if (cursor.atEnd() || next < 0x21 || next == 0x7f || next > 0xff) {
                throw cursor.fail(cursor.atEnd() ? "an entity tag is not closed by a double quote"
                        : "an entity tag holds a character it may not: a space, a control or a non-Latin-1 one");
            }
            opaque.append(next);
            cursor.take(next);
        }
        return new EntityTag(opaque.toString(), weak);
    }

    /**
     * {@code tag} as an {@code ETag} header value, {@code "..."} or {@code W/"..."}. Responses carry
     * it as this string rather than the {@link EntityTag} itself, for which Jersey would look a
     * header delegate up on every response. The tags Strata makes never hold a quote or backslash;
     * one that did would be left to Jersey's own formatting.
     */
    public static String header(EntityTag tag) {
        String value = tag.getValue();
        if (value.indexOf('"') >= 0 || value.indexOf('\\') >= 0) {
            return RuntimeDelegate.getInstance().createHeaderDelegate(EntityTag.class).toString(tag);
        }
        return (tag.isWeak() ? "W/\"" : "\"") + value + '"';
    }

    /** A strong tag of exact bytes, such as a serialized list. */
    public static EntityTag ofBytes(byte[] content) {
        try {
            // A copy of one digest: getInstance looks the algorithm up among the providers on every call.
            byte[] digest = ((MessageDigest) SHA_256.clone()).digest(content);
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 cannot be copied", e);
        }
    }
}
