package dev.strata.core.common;

/**
 * The caller may see the object but may not do this to it (a channel member editing another
 * member's post). Where the caller may not even see the object, services throw
 * {@link NotFoundException} instead.
 */
public final class ForbiddenException extends StrataException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String code, String message) {
        super(code, message);
    }
}
