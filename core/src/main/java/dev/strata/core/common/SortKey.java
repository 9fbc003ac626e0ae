package dev.strata.core.common;

import java.util.Objects;

/**
 * One key of a list's order: a field and a direction. Clients write it {@code created_at} or
 * {@code +created_at} for ascending and {@code -created_at} for descending.
 */
public record SortKey(String field, boolean descending) {

    public SortKey {
        Objects.requireNonNull(field, "field");
    }

    public static SortKey ascending(String field) {
        return new SortKey(field, false);
    }

    public static SortKey descending(String field) {
        return new SortKey(field, true);
    }

    /** The same field in the other direction, for walking a list backwards. */
    public SortKey reversed() {
        return new SortKey(field, !descending);
    }

    /** The client's spelling: {@code -created_at} or {@code +amount}. */
    public String token() {
        return (descending ? "-" : "+") + field;
    }
}
