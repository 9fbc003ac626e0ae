package dev.strata.core.common;

/**
 * The thing asked for does not exist, or the caller may not know that it exists. Services use it
 * for both, so that another owner's private object is indistinguishable from a missing one.
 */
public final class NotFoundException extends StrataException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String code, String message) {
        super(code, message);
    }
}
