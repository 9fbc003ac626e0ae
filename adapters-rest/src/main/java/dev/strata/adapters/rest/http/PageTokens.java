package dev.strata.adapters.rest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.strata.core.common.FieldKind;
import dev.strata.core.common.KeysetCursor;
import dev.strata.core.common.QuerySchema;
import dev.strata.core.common.SortKey;
import dev.strata.core.common.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Keyset page tokens: opaque to clients (base64url of a small JSON document), holding a
 * {@link KeysetCursor} and a hash of the filters and sort it was minted for. A token offered with
 * other filters or another sort is refused (400 {@code page_token_mismatch}) rather than silently
 * paging a different list; a token that does not decode is 400 {@code invalid_page_token}. The
 * hash is not a secret: a client that forges a token only moves its own position in its own list,
 * since the service scopes every list to its caller.
 */
public final class PageTokens {

    private static final int VERSION = 1;
    /** The longest page token accepted. */
    public static final int MAX_TOKEN_LENGTH = 4096;

    private PageTokens() {
    }

    /** The token's JSON: version, query hash, sort values as text, id, and direction. */
    record Token(int v, String q, List<String> k, String id, boolean b) {
    }

    /** A token for {@code cursor} in the list whose normalized filters and sort are {@code normalized}. */
    public static String encode(KeysetCursor cursor, String normalized, List<SortKey> sort, QuerySchema schema) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < sort.size(); i++) {
            values.add(kindOf(schema, sort.get(i)).format(cursor.sortValues().get(i)));
        }
        try {
            byte[] json = JsonMapper.mapper().writeValueAsBytes(
                    new Token(VERSION, hash(normalized), values, cursor.id(), cursor.before()));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a page token could not be written", e);
        }
    }

    /**
     * The cursor in {@code token}.
     *
     * @throws ValidationException on {@code page_token}: {@code invalid_page_token} when it does not
     *                             decode, {@code page_token_mismatch} when it belongs to other filters or sort
     */
    public static KeysetCursor decode(String token, String normalized, List<SortKey> sort, QuerySchema schema) {
        Token decoded;
        try {
            if (token.length() > MAX_TOKEN_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            decoded = JsonMapper.mapper().readValue(Base64.getUrlDecoder().decode(token), Token.class);
        } catch (IllegalArgumentException | IOException malformed) {
            throw invalid();
        }
        if (decoded.v() != VERSION || decoded.k() == null || decoded.id() == null || decoded.q() == null) {
            throw invalid();
        }
        if (!decoded.q().equals(hash(normalized)) || decoded.k().size() != sort.size()) {
            throw ValidationException.of(ListParameters.PAGE_TOKEN, "page_token_mismatch",
                    "was issued for other filters or another sort; keep them as they were, or start again without it");
        }
        List<Comparable<?>> values = new ArrayList<>();
        try {
            for (int i = 0; i < sort.size(); i++) {
                values.add(kindOf(schema, sort.get(i)).parse(Objects.requireNonNull(decoded.k().get(i))));
            }
        } catch (IllegalArgumentException | NullPointerException malformed) {
            throw invalid();
        }
        return new KeysetCursor(values, decoded.id(), decoded.b());
    }

    private static FieldKind kindOf(QuerySchema schema, SortKey key) {
        return schema.field(key.field()).orElseThrow().kind();
    }

    private static ValidationException invalid() {
        return ValidationException.of(ListParameters.PAGE_TOKEN, "invalid_page_token",
                "is not a page token this list issued; use the next or prev link of a previous page");
    }

    private static String hash(String normalized) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
