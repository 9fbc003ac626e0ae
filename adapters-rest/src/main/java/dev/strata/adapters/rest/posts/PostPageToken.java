package dev.strata.adapters.rest.posts;

import dev.strata.core.common.Ids;
import dev.strata.core.common.ValidationException;
import dev.strata.core.posts.PostCursor;
import dev.strata.core.posts.PostId;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * The {@code page_token} of a post list: where the next page starts (the creation time and id of
 * the last post of this page) and the fingerprint of the query it belongs to, base64url-encoded.
 * Clients treat it as opaque. A token from another query (other filters, another list) is refused,
 * so that a client cannot page through one list with the position of another.
 */
record PostPageToken(PostCursor cursor, String binding) {

    private static final String VERSION = "p1";
    private static final String FIELD = "page_token";

    String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, cursor.createdAt());
        String plain = String.join("|", VERSION, Long.toString(micros), cursor.id().value(), binding);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor of {@code token}, checked against the binding of the query it is sent with.
     *
     * @throws ValidationException on {@code page_token}: {@code malformed_page_token} when it is not
     *                             a token this API made, {@code page_token_mismatch} when it belongs
     *                             to another query
     */
    static PostCursor decode(String token, String expectedBinding) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException notBase64) {
            throw malformed();
        }
        if (parts.length != 4 || !parts[0].equals(VERSION) || !parts[1].matches("-?\\d{1,19}")
                || !Ids.isValid(PostId.PREFIX, parts[2])) {
            throw malformed();
        }
        if (!parts[3].equals(expectedBinding)) {
            throw ValidationException.of(FIELD, "page_token_mismatch",
                    "belongs to a list with other filters; start again without page_token");
        }
        try {
            Instant createdAt = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
            return new PostCursor(createdAt, new PostId(parts[2]));
        } catch (ArithmeticException | DateTimeException | NumberFormatException outOfRange) {
            throw malformed();
        }
    }

    private static ValidationException malformed() {
        return ValidationException.of(FIELD, "malformed_page_token", "is not a page token of this list");
    }
}
