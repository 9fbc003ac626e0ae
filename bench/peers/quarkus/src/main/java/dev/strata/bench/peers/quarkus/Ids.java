package dev.strata.bench.peers.quarkus;

import java.security.SecureRandom;

/**
 * Strata's identifiers: {@code prefix_} and 26 characters of lowercase Crockford base32 holding
 * 128 bits. New order ids are time-ordered as Strata's are (48 bits of Unix milliseconds, then 80
 * random bits), so that they sort by creation in Strata's lists.
 */
final class Ids {

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final int ENCODED_LENGTH = 26;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** Whether {@code value} is a well-formed identifier with this prefix. */
    static boolean isValid(String prefix, String value) {
        if (value == null || value.length() != prefix.length() + 1 + ENCODED_LENGTH
                || !value.startsWith(prefix) || value.charAt(prefix.length()) != '_') {
            return false;
        }
        int first = prefix.length() + 1;
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

    /** A new time-ordered identifier: the current millisecond, then random bits. */
    static String ordered(String prefix) {
        long high = (System.currentTimeMillis() << 16) | (RANDOM.nextInt() & 0xFFFFL);
        long low = RANDOM.nextLong() & 0x7FFF_FFFF_FFFF_FFFFL;
        char[] out = new char[ENCODED_LENGTH];
        for (int i = ENCODED_LENGTH - 1, bit = 0; i >= 0; i--, bit += 5) {
            long five;
            if (bit + 5 <= 64) {
                five = (low >>> bit) & 31;
            } else if (bit >= 64) {
                five = (high >>> (bit - 64)) & 31;
            } else {
                five = ((low >>> bit) | (high << (64 - bit))) & 31;
            }
            out[i] = ALPHABET[(int) five];
        }
        return prefix + "_" + new String(out);
    }

    private static int indexOf(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        for (int i = 10; i < ALPHABET.length; i++) {
            if (ALPHABET[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
