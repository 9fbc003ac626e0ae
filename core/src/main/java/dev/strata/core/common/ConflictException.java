package dev.strata.core.common;

/**
 * The request is well-formed but clashes with the current state: a unique value already taken,
 * or an operation the object's state does not allow.
 */
public final class ConflictException extends StrataException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String code, String message) {
        super(code, message);
    }
}
