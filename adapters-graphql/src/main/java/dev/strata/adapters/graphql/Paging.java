package dev.strata.adapters.graphql;

import dev.strata.core.common.Validator;
import graphql.schema.DataFetchingEnvironment;
import java.util.Optional;

/**
 * What a client asks of a connection, from Relay's arguments: {@code first} items after the cursor
 * {@code after} (forwards, the default), or {@code last} items before the cursor {@code before}
 * (backwards, to the previous page). Page sizes are 1 to 100 (default 20); {@code first} with
 * {@code last}, {@code first} with {@code before}, {@code last} with {@code after}, and {@code last}
 * without {@code before} (keyset pages are read from a position, so the end of a list is reached
 * by following {@code endCursor}) are refused, naming the arguments.
 *
 * @param size      the page size
 * @param cursor    the cursor to read from: {@code after}'s, or {@code before}'s when backwards
 * @param backwards whether the page precedes the cursor
 */
record Paging(int size, Optional<String> cursor, boolean backwards) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    /** The paging arguments of the field being fetched; a field without {@code last} reads forwards only. */
    static Paging of(DataFetchingEnvironment field) {
        Integer first = field.getArgument("first");
        Integer last = field.getArgument("last");
        String after = field.getArgument("after");
        String before = field.getArgument("before");
        Validator validator = new Validator();
        if (first != null && last != null) {
            validator.reject("last", "conflicting_arguments", "cannot be given with first: page forwards or backwards");
        }
        if (first != null && before != null) {
            validator.reject("before", "conflicting_arguments", "goes with last, not with first");
        }
        if (last != null && after != null) {
            validator.reject("after", "conflicting_arguments", "goes with first, not with last");
        }
        if (last != null && before == null) {
            validator.reject("before", "required", "is required with last: page back from a page's startCursor");
        }
        checkSize(validator, "first", first);
        checkSize(validator, "last", last);
        validator.throwIfInvalid();
        boolean backwards = last != null || before != null;
        int size = backwards ? (last == null ? DEFAULT_SIZE : last) : (first == null ? DEFAULT_SIZE : first);
        return new Paging(size, Optional.ofNullable(backwards ? before : after), backwards);
    }

    /** The argument that carried the cursor, for errors that name it. */
    String cursorArgument() {
        return backwards ? "before" : "after";
    }

    private static void checkSize(Validator validator, String argument, Integer size) {
        if (size != null && (size < 1 || size > MAX_SIZE)) {
            validator.reject(argument, "out_of_range", "must be 1 to " + MAX_SIZE);
        }
    }
}
