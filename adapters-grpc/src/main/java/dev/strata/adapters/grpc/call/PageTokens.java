package dev.strata.adapters.grpc.call;

import dev.strata.core.common.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Page sizes and page tokens (AIP-158). A token is opaque to clients: base64url of the position
 * where the next page starts, bound to the list it was issued for (its parent, filter and order,
 * given as a {@code scope} text). A token offered for another list is refused
 * ({@code page_token_mismatch}) rather than silently paging a different one; one that does not
 * decode is {@code invalid_page_token}. Forging one only moves the caller within its own lists: the
 * services scope every list to its caller.
 */
public final class PageTokens {

    /** The page size when none is asked for. */
    public static final int DEFAULT_PAGE_SIZE = 20;
    /** The largest page; larger requests are coerced down to it, as AIP-158 asks. */
    public static final int MAX_PAGE_SIZE = 100;
    /** The longest page token accepted. */
    public static final int MAX_TOKEN_LENGTH = 4096;

    private static final String FIELD = "page_token";
    private static final String VERSION = "1";
    private static final char SEPARATOR = '\u001f';

    private PageTokens() {
    }

    /**
     * The page size asked for: 0 means {@link #DEFAULT_PAGE_SIZE}, above {@link #MAX_PAGE_SIZE} is
     * {@link #MAX_PAGE_SIZE}.
     *
     * @throws ValidationException on {@code page_size} when it is negative
     */
    public static int pageSize(int asked) {
        if (asked < 0) {
            throw ValidationException.of("page_size", "out_of_range", "must not be negative");
        }
        return asked == 0 ? DEFAULT_PAGE_SIZE : Math.min(asked, MAX_PAGE_SIZE);
    }

    /** A token for the position {@code parts} in the list described by {@code scope}. */
    public static String encode(String scope, List<String> parts) {
        StringBuilder text = new StringBuilder(VERSION).append(SEPARATOR).append(hash(scope));
        for (String part : parts) {
            if (part.indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("a page token part holds the separator");
            }
            text.append(SEPARATOR).append(part);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position in {@code token}, {@code partCount} parts, when it was issued for {@code scope}.
     *
     * @throws ValidationException on {@code page_token}
     */
    public static List<String> decode(String token, String scope, int partCount) {
        String text;
        try {
            if (token.length() > MAX_TOKEN_LENGTH) {
                throw invalid();
            }
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw invalid();
        }
        List<String> fields = new ArrayList<>(Arrays.asList(text.split(String.valueOf(SEPARATOR), -1)));
        if (fields.size() != partCount + 2 || !fields.getFirst().equals(VERSION)) {
            throw invalid();
        }
        if (!fields.get(1).equals(hash(scope))) {
            throw ValidationException.of(FIELD, "page_token_mismatch",
                    "was issued for another list (parent, filter or order); keep them as they were, or start again without it");
        }
        return List.copyOf(fields.subList(2, fields.size()));
    }

    /** The error of a token this server did not issue. */
    public static ValidationException invalid() {
        return ValidationException.of(FIELD, "invalid_page_token",
                "is not a page token this list issued; use next_page_token of a previous page");
    }

    private static String hash(String scope) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(scope.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
