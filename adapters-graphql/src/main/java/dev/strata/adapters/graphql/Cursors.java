package dev.strata.adapters.graphql;

import dev.strata.core.common.FieldError;
import dev.strata.core.common.FieldKind;
import dev.strata.core.common.KeysetCursor;
import dev.strata.core.common.PageTokens;
import dev.strata.core.common.QueryField;
import dev.strata.core.common.QuerySchema;
import dev.strata.core.common.SortKey;
import dev.strata.core.common.ValidationException;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Connection cursors are core's {@link PageTokens}, the REST API's page tokens: a keyset position
 * bound to the list it was minted for (its <em>binding</em>: which list, whose, with which search,
 * filter and order). A cursor offered to another list is refused ({@code page_token_mismatch}) and
 * one that does not decode is {@code invalid_page_token}, both naming the argument that carried it
 * ({@code after} or {@code before}). Every edge's cursor is the position just after its node, in
 * the list's order; paging backwards from it ({@code before}) reads the items that precede it.
 */
final class Cursors {

    /** The sessions of an account, newest first (they are not a service's list, so they have no schema there). */
    static final QuerySchema SESSIONS = QuerySchema.of(List.of(QueryField.ordered("created_at", FieldKind.INSTANT)),
            List.of(SortKey.descending("created_at")), Set.of());
    /** The members of a channel, earliest joined first. */
    static final QuerySchema MEMBERS = QuerySchema.of(List.of(QueryField.ordered("joined_at", FieldKind.INSTANT)),
            List.of(SortKey.ascending("joined_at")), Set.of());

    private Cursors() {
    }

    /** The cursor just after an item with these sort values and id, in the default order of {@code schema}. */
    static String after(QuerySchema schema, String binding, List<Comparable<?>> sortValues, String id) {
        return PageTokens.encode(KeysetCursor.after(sortValues, id), binding, schema.defaultSort(), schema);
    }

    /**
     * The position {@code paging}'s cursor names in the list {@code binding} of {@code schema}'s
     * default order, read in {@code paging}'s direction, made into what the service takes by
     * {@code position}.
     *
     * @throws ValidationException naming the cursor's argument when it is not a cursor of this list
     */
    static <T> T read(Paging paging, QuerySchema schema, String binding, Function<KeysetCursor, T> position) {
        String cursor = paging.cursor().orElseThrow();
        return naming(paging.cursorArgument(), () -> {
            KeysetCursor after = PageTokens.decode(cursor, binding, schema.defaultSort(), schema);
            KeysetCursor directed = paging.backwards() ? KeysetCursor.before(after.sortValues(), after.id()) : after;
            try {
                return position.apply(directed);
            } catch (RuntimeException malformed) {
                throw ValidationException.of(PageTokens.PAGE_TOKEN, "invalid_page_token",
                        "is not a cursor this list issued");
            }
        });
    }

    /**
     * What {@code read} returns; a failure it reports on {@code page_token} (core's name for a page
     * token) is reported on {@code argument}, the GraphQL argument that carried the cursor.
     */
    static <T> T naming(String argument, Supplier<T> read) {
        try {
            return read.get();
        } catch (ValidationException invalid) {
            throw new ValidationException(invalid.errors().stream()
                    .map(error -> error.field().equals(PageTokens.PAGE_TOKEN)
                            ? new FieldError(argument, error.code(), "is not a cursor this list issued (" + error.message()
                                    + ")")
                            : error)
                    .toList());
        }
    }
}
