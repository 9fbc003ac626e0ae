package dev.strata.core.common;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Keyset page tokens, the same in every API style: opaque to clients (base64url of a few bytes),
 * holding a {@link KeysetCursor} and a hash of the query it was minted for, its <em>binding</em>
 * ({@link ListQueryParser#binding}: the filters and the sort in a canonical form). A token offered
 * with other filters or another sort is refused ({@code page_token_mismatch}) rather than silently
 * paging a different list; a token that does not decode is {@code invalid_page_token}. Both are
 * {@link ValidationException}s on {@link #PAGE_TOKEN}. The page size is not bound: a client may
 * change it from page to page.
 *
 * <p>The hash is not a secret: a client that forges a token only moves its own position in its own
 * list, since services scope every list to its caller. Stateless and thread-safe.
 */
public final class PageTokens {

    /** The name of the field page-token errors carry. */
    public static final String PAGE_TOKEN = "page_token";
    /** The longest page token accepted, in characters. */
    public static final int MAX_TOKEN_LENGTH = 4096;

    private static final byte VERSION = 2;
    private static final int HASH_BYTES = 16;
    private static final int MAX_ID_LENGTH = 64;

    private PageTokens() {
    }

    /**
     * A token for {@code cursor} in the list bound to {@code binding}, ordered by {@code sort} (whose
     * fields are in {@code schema}).
     *
     * @throws IllegalArgumentException when the cursor does not have one value per sort key
     */
    public static String encode(KeysetCursor cursor, String binding, List<SortKey> sort, QuerySchema schema) {
        if (cursor.sortValues().size() != sort.size()) {
            throw new IllegalArgumentException("the cursor has a value for each sort key");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.write(hash(binding));
            out.writeBoolean(cursor.before());
            out.writeUTF(cursor.id());
            out.writeByte(sort.size());
            for (int i = 0; i < sort.size(); i++) {
                out.writeUTF(kindOf(schema, sort.get(i)).format(cursor.sortValues().get(i)));
            }
        } catch (IOException impossible) {
            throw new IllegalStateException("a page token could not be written", impossible);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    /**
     * The cursor in {@code token}, which must have been minted for {@code binding} and {@code sort}.
     *
     * @throws ValidationException on {@link #PAGE_TOKEN}: {@code invalid_page_token} when it does
     *                             not decode, {@code page_token_mismatch} when it belongs to other
     *                             filters or another sort
     */
    public static KeysetCursor decode(String token, String binding, List<SortKey> sort, QuerySchema schema) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw invalid();
        }
        byte[] hash;
        boolean before;
        String id;
        List<String> texts = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(token)))) {
            if (in.readByte() != VERSION) {
                throw invalid();
            }
            hash = in.readNBytes(HASH_BYTES);
            byte direction = in.readByte();
            if (direction != 0 && direction != 1) {
                throw invalid();
            }
            before = direction == 1;
            id = in.readUTF();
            int count = in.readUnsignedByte();
            for (int i = 0; i < count; i++) {
                texts.add(in.readUTF());
            }
            if (hash.length != HASH_BYTES || in.available() > 0) {
                throw invalid();
            }
        } catch (IllegalArgumentException | IOException malformed) {
            throw invalid();
        }
        if (!isPlain(id, MAX_ID_LENGTH) || !texts.stream().allMatch(text -> isPlain(text, MAX_TOKEN_LENGTH))) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(hash, hash(binding)) || texts.size() != sort.size()) {
            throw ValidationException.of(PAGE_TOKEN, "page_token_mismatch",
                    "was issued for other filters or another sort; keep them as they were, or start again without it");
        }
        List<Comparable<?>> values = new ArrayList<>();
        try {
            for (int i = 0; i < sort.size(); i++) {
                values.add(kindOf(schema, sort.get(i)).parse(texts.get(i)));
            }
        } catch (IllegalArgumentException malformed) {
            throw invalid();
        }
        return new KeysetCursor(values, id, before);
    }

    /**
     * Non-empty, not too long, well-formed (no lone surrogate) and free of control characters, as
     * every id and sort value is.
     */
    private static boolean isPlain(String text, int maxLength) {
        return !text.isEmpty() && text.length() <= maxLength && text.chars().noneMatch(Character::isISOControl)
                && new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(text);
    }

    private static FieldKind kindOf(QuerySchema schema, SortKey key) {
        return schema.field(key.field())
                .orElseThrow(() -> new IllegalArgumentException("no query field " + key.field())).kind();
    }

    private static ValidationException invalid() {
        return ValidationException.of(PAGE_TOKEN, "invalid_page_token",
                "is not a page token this list issued; use the next or prev link of a previous page");
    }

    private static byte[] hash(String binding) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(binding.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, HASH_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
