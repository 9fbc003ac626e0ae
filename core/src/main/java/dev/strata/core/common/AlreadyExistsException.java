package dev.strata.core.common;

/**
 * A conflict because what the request would create already exists: an account with this email,
 * an order or session with this id, a record under this idempotency key. A
 * {@link ConflictException}, so that whoever handles conflicts handles it too.
 */
public final class AlreadyExistsException extends ConflictException {

    private static final long serialVersionUID = 1L;

    /** Something already exists, with a stable snake_case {@code code} and a message for humans. */
    public AlreadyExistsException(String code, String message) {
        super(code, message);
    }
}
