package dev.strata.app;

import java.util.List;

/**
 * A call an API style refused, normalised: Strata's error code (REST's problem {@code code},
 * gRPC's {@code ErrorInfo.reason}, GraphQL's {@code extensions.code}), the style-neutral kind read
 * from the style's own signal (HTTP status, gRPC status code, GraphQL {@code extensions.classification}),
 * that signal as the style spells it, and the fields the style named as invalid.
 */
final class StyleFailure extends RuntimeException {

    /** The kinds of refusal every style can tell apart by its own signal. */
    enum Kind {
        /** The request cannot be done as sent: HTTP 400 or 422, INVALID_ARGUMENT. */
        INVALID,
        /** No valid credentials: HTTP 401, UNAUTHENTICATED. */
        UNAUTHENTICATED,
        /** Visible but not the caller's to change: HTTP 403, PERMISSION_DENIED. */
        PERMISSION_DENIED,
        /** Absent, or not the caller's to see: HTTP 404, NOT_FOUND. */
        NOT_FOUND,
        /** The object's state forbids it: HTTP 409, FAILED_PRECONDITION or ALREADY_EXISTS. */
        CONFLICT,
        /** Written against a stale version: HTTP 412, ABORTED. */
        STALE,
        /** Anything else (a bug in the style, for these tests). */
        OTHER
    }

    private final String code;
    private final Kind kind;
    private final String signal;
    private final List<String> fields;

    StyleFailure(String code, Kind kind, String signal, List<String> fields, String message) {
        super(signal + " " + code + ": " + message);
        this.code = code;
        this.kind = kind;
        this.signal = signal;
        this.fields = List.copyOf(fields);
    }

    /** Strata's error code. */
    String code() {
        return code;
    }

    /** The style-neutral kind. */
    Kind kind() {
        return kind;
    }

    /** The style's own signal: {@code 409}, {@code FAILED_PRECONDITION}. */
    String signal() {
        return signal;
    }

    /** The fields named invalid, as the style spells them. */
    List<String> fields() {
        return fields;
    }
}
