package dev.strata.core.common;

/**
 * The request is well-formed but clashes with the current state: an operation the object's state
 * does not allow (such as {@code order_not_open}). A conflict because the thing to be created
 * already exists is the subclass {@link AlreadyExistsException}, so that an adapter can tell the
 * two apart by type (gRPC's ALREADY_EXISTS against FAILED_PRECONDITION) without reading codes.
 */
public sealed class ConflictException extends StrataException permits AlreadyExistsException {

    private static final long serialVersionUID = 1L;

    /** A state conflict with a stable snake_case {@code code} and a message for humans. */
    public ConflictException(String code, String message) {
        super(code, message);
    }
}
