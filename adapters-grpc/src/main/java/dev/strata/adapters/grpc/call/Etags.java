package dev.strata.adapters.grpc.call;

import dev.strata.core.common.ValidationException;
import java.util.Optional;

/**
 * Etags (AIP-154): a resource's version as an opaque string. A change sends back the etag it was
 * made against; a stale one is ABORTED (core's version check), a malformed one INVALID_ARGUMENT.
 * The etag is the decimal version, the same number REST's {@code version} fields carry.
 */
public final class Etags {

    private static final int MAX_DIGITS = 18;

    private Etags() {
    }

    /** The etag of {@code version}. */
    public static String of(long version) {
        return Long.toString(version);
    }

    /**
     * The version named by the etag in {@code field}.
     *
     * @throws ValidationException {@code required} when it is empty, {@code malformed_etag} when no
     *                             server sent it
     */
    public static long required(String field, String etag) {
        return optional(field, etag).orElseThrow(() -> ValidationException.of(field, "required",
                "is required: the etag of the version this change was made against"));
    }

    /** The version named by the etag in {@code field}, or empty when it is empty. */
    public static Optional<Long> optional(String field, String etag) {
        if (etag == null || etag.isEmpty()) {
            return Optional.empty();
        }
        if (etag.length() > MAX_DIGITS || !etag.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ValidationException.of(field, "malformed_etag", "is not an etag this server sent");
        }
        return Optional.of(Long.parseLong(etag));
    }
}
