package dev.strata.core.common;

/**
 * An optimistic-concurrency check failed: the caller wrote against a version of the object that
 * is no longer current. The caller should read the object again and retry its change.
 */
public final class PreconditionFailedException extends StrataException {

    private static final long serialVersionUID = 1L;

    public PreconditionFailedException(String code, String message) {
        super(code, message);
    }

    /** The standard failure for a stale {@code version}. */
    public static PreconditionFailedException versionMismatch(String what, long expectedVersion) {
        return new PreconditionFailedException("version_mismatch",
                what + " is no longer at version " + expectedVersion + "; read it again and retry");
    }
}
