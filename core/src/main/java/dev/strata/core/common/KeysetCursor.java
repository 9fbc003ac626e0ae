package dev.strata.core.common;

import java.util.List;
import java.util.Objects;

/**
 * A position in a sorted list between two items, given by the item on one side of it: that item's
 * values of the sort keys, in order, and its id (the final tiebreaker). Reading {@code after} the
 * position returns the items that follow it in the list's order; reading {@code before} it returns
 * those that precede it (the previous page), still in the list's order. Because it names values
 * rather than a count, inserting or deleting items never makes a page skip or repeat one.
 *
 * @param sortValues one value per sort key of the query, of the key's {@link FieldKind}
 * @param id         the id of the item the position is next to
 * @param before     whether to read the items before the position instead of after it
 */
public record KeysetCursor(List<Comparable<?>> sortValues, String id, boolean before) {

    public KeysetCursor {
        sortValues = List.copyOf(sortValues);
        Objects.requireNonNull(id, "id");
    }

    /** The position just after the item with these values, for the next page. */
    public static KeysetCursor after(List<Comparable<?>> sortValues, String id) {
        return new KeysetCursor(sortValues, id, false);
    }

    /** The position just before the item with these values, for the previous page. */
    public static KeysetCursor before(List<Comparable<?>> sortValues, String id) {
        return new KeysetCursor(sortValues, id, true);
    }
}
