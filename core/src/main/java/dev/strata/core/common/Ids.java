package dev.strata.core.common;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The one generator and checker of Strata's identifiers: {@code prefix_} followed by 26
 * characters of lowercase Crockford base32 that encode 128 bits.
 *
 * <p>Ordered identifiers (accounts, posts, orders) use the UUIDv7 layout: 48 bits of Unix
 * milliseconds, then 80 bits that are random for the first identifier of a millisecond and
 * count upward after it, so that text order is creation order even within one millisecond of one
 * process. Secret identifiers (sessions) are 128 bits from {@link SecureRandom}.
 *
 * <p>Thread-safe.
 */
public final class Ids {

    /** Crockford's base32 alphabet, lowercase: no i, l, o or u. */
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final int ENCODED_LENGTH = 26;
    private static final long LOW_16_BITS = 0xFFFFL;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The process's one sequence of ordered identifiers. */
    private static final OrderedSequence SEQUENCE = new OrderedSequence(RANDOM);

    private Ids() {
    }

    /** A new time-ordered identifier with the given prefix, its time taken from {@code clock}. */
    public static String ordered(String prefix, Clock clock) {
        return SEQUENCE.next(prefix, clock);
    }

    /** A new identifier of 128 random bits, for identifiers that must not be guessable. */
    public static String random(String prefix) {
        return prefix + "_" + encode(RANDOM.nextLong(), RANDOM.nextLong());
    }

    /** The millisecond an ordered identifier was made in. */
    public static long millisOf(String orderedId) {
        String body = orderedId.substring(orderedId.indexOf('_') + 1);
        long high = 0;
        // The first 10 characters hold 50 bits: the two zero pad bits, then the 48-bit time.
        for (int i = 0; i < 10; i++) {
            high = (high << 5) | indexOf(body.charAt(i));
        }
        return high;
    }

    /** Whether {@code value} is a well-formed identifier with this prefix. */
    public static boolean isValid(String prefix, String value) {
        if (value == null || value.length() != prefix.length() + 1 + ENCODED_LENGTH
                || !value.startsWith(prefix) || value.charAt(prefix.length()) != '_') {
            return false;
        }
        int first = prefix.length() + 1;
        // 26 characters carry 130 bits; the top two must be zero, so the first is 0..7.
        if (indexOf(value.charAt(first)) > 7) {
            return false;
        }
        for (int i = first; i < value.length(); i++) {
            if (indexOf(value.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns {@code value} when it is a well-formed identifier with this prefix, and otherwise
     * throws a {@link ValidationException} on the field {@code id} with code {@code malformed_id}.
     */
    public static String requireValid(String prefix, String value) {
        Objects.requireNonNull(prefix, "prefix");
        if (!isValid(prefix, value)) {
            throw ValidationException.of("id", "malformed_id",
                    "is not a well-formed " + prefix + "_ identifier");
        }
        return value;
    }

    /**
     * The state behind ordered identifiers: the last value handed out, so that the next one sorts
     * after it. The process shares one ({@link #ordered}); tests make their own, with their own
     * random source, so that no test sees another's clock.
     *
     * <p>Thread-safe.
     */
    static final class OrderedSequence {

        private final RandomGenerator random;
        /** The last value handed out, as two longs; guarded by {@code this}. */
        private long lastHigh;
        private long lastLow;

        OrderedSequence(RandomGenerator random) {
            this(random, 0, 0);
        }

        /** A sequence that continues from {@code lastHigh}/{@code lastLow}, as if it had made that value. */
        OrderedSequence(RandomGenerator random, long lastHigh, long lastLow) {
            this.random = Objects.requireNonNull(random, "random");
            this.lastHigh = lastHigh;
            this.lastLow = lastLow;
        }

        String next(String prefix, Clock clock) {
            long millis = clock.millis();
            long high;
            long low;
            synchronized (this) {
                long lastMillis = lastHigh >>> 16;
                if (millis <= lastMillis) {
                    // Same millisecond (or the clock stepped back): count up from the last value so
                    // that this identifier still sorts after it.
                    low = lastLow + 1;
                    high = low == 0 ? lastHigh + 1 : lastHigh;
                } else {
                    high = (millis << 16) | (random.nextInt() & LOW_16_BITS);
                    // Leave headroom so that counting up within this millisecond cannot overflow
                    // into the time bits.
                    low = random.nextLong() & 0x7FFF_FFFF_FFFF_FFFFL;
                }
                lastHigh = high;
                lastLow = low;
            }
            return prefix + "_" + encode(high, low);
        }
    }

    private static String encode(long high, long low) {
        char[] out = new char[ENCODED_LENGTH];
        // Walk the 130-bit number (two zero bits, then high, then low) five bits at a time,
        // from the least significant end.
        for (int i = ENCODED_LENGTH - 1, bit = 0; i >= 0; i--, bit += 5) {
            out[i] = ALPHABET[(int) fiveBitsAt(high, low, bit)];
        }
        return new String(out);
    }

    private static long fiveBitsAt(long high, long low, int bit) {
        if (bit + 5 <= 64) {
            return (low >>> bit) & 31;
        }
        if (bit >= 64) {
            return (high >>> (bit - 64)) & 31;
        }
        int lowBits = 64 - bit;
        return ((low >>> bit) | (high << lowBits)) & 31;
    }

    private static int indexOf(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c < 'a' || c > 'z') {
            return -1;
        }
        for (int i = 10; i < ALPHABET.length; i++) {
            if (ALPHABET[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
