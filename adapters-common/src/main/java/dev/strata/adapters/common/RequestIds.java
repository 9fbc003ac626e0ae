package dev.strata.adapters.common;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Request ids, the same in every API style: a client may offer its own id of 1 to
 * {@link #MAX_LENGTH} safe characters ({@code [A-Za-z0-9._:-]}), so that it can follow its id
 * through the logs; otherwise the server makes one ({@code req_} and 24 hex digits). Thread-safe.
 */
public final class RequestIds {

    /** The longest id a client may send. */
    public static final int MAX_LENGTH = 128;

    /** What a client's id must match, whole (a regular expression, without anchors). */
    public static final String PATTERN = "[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}";

    private static final Pattern SAFE = Pattern.compile(PATTERN);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {
    }

    /** Whether {@code offered} is an id a client may choose; null is not. */
    public static boolean isValid(String offered) {
        return offered != null && SAFE.matcher(offered).matches();
    }

    /**
     * The id of a request that offered {@code offeredOrNull} (null when it offered none): the
     * offer when it {@linkplain #isValid is valid}, otherwise a fresh one.
     */
    public static String idFor(String offeredOrNull) {
        return isValid(offeredOrNull) ? offeredOrNull : newId();
    }

    /** A fresh id: {@code req_} and 24 random hex digits, valid by {@link #PATTERN}. */
    public static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "req_" + HexFormat.of().formatHex(bytes);
    }
}
