package dev.strata.adapters.rest.http;

import java.util.Objects;

/**
 * A JSON request body that is not well-formed UTF-8, or holds a string that is not valid Unicode
 * or U+0000 (see {@link JsonText}). {@link ProblemMapper} answers it with a 400 naming the field.
 */
public final class InvalidJsonTextException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String pointer;
    private final String code;

    InvalidJsonTextException(String pointer, String code, String message) {
        super(message, null, false, false);
        this.pointer = Objects.requireNonNull(pointer, "pointer");
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Where the fault is, as an RFC 6901 JSON pointer ({@code ""} for the whole body). */
    public String pointer() {
        return pointer;
    }

    /** {@code invalid_utf8}, {@code invalid_unicode} or {@code invalid_character} (U+0000). */
    public String code() {
        return code;
    }
}
