package dev.strata.adapters.graphql;

import dev.strata.core.common.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Connection cursors: opaque to clients (base64url), holding a keyset position (the sort values
 * of one item, as text, and its id) and a hash of the list it was minted for (which list, whose,
 * with which search). A cursor offered to another list is refused ({@code cursor_mismatch}) rather
 * than silently paging elsewhere; one that does not decode is {@code invalid_cursor}. The hash is
 * no secret: a forged cursor only moves the caller within its own list, which the services scope
 * to it anyway.
 */
final class Cursors {

    private static final String VERSION = "c1";
    private static final int MAX_LENGTH = 1024;
    private static final char SEPARATOR = '\n';

    private Cursors() {
    }

    /** The cursor of a position in the list {@code binding} names; {@code parts} hold no line break. */
    static String encode(String binding, List<String> parts) {
        StringBuilder text = new StringBuilder(VERSION).append(SEPARATOR).append(hash(binding));
        for (String part : parts) {
            text.append(SEPARATOR).append(part);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The {@code count} parts of {@code cursor}, given as the argument {@code argument}.
     *
     * @throws ValidationException naming the argument: {@code invalid_cursor} or {@code cursor_mismatch}
     */
    static List<String> decode(String argument, String cursor, String binding, int count) {
        String text;
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(
                    Base64.getUrlDecoder().decode(cursor))).toString();
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException malformed) {
            throw invalid(argument);
        }
        List<String> fields = new ArrayList<>(List.of(text.split(String.valueOf(SEPARATOR), -1)));
        if (fields.size() != count + 2 || !fields.get(0).equals(VERSION)) {
            throw invalid(argument);
        }
        if (!fields.get(1).equals(hash(binding))) {
            throw ValidationException.of(argument, "cursor_mismatch",
                    "was issued for another list (or another search or order); page it from its first page");
        }
        return List.copyOf(fields.subList(2, fields.size()));
    }

    /**
     * What {@code read} makes of a decoded cursor's parts.
     *
     * @throws ValidationException {@code invalid_cursor} on {@code argument} when a part does not read
     */
    static <T> T read(String argument, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException malformed) {
            throw invalid(argument);
        }
    }

    static ValidationException invalid(String argument) {
        return ValidationException.of(argument, "invalid_cursor",
                "is not a cursor this list issued; use a startCursor, endCursor or edge cursor it returned");
    }

    private static String hash(String binding) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(binding.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
