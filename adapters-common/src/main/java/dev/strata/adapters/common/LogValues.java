package dev.strata.adapters.common;

import java.util.HexFormat;

/**
 * Client-supplied text made safe for a log line: nothing a client sends can end a field, start a
 * forged one ({@code status=500}), or put a control character (C0, DEL, C1 such as U+009B, the
 * terminal's CSI) or any other non-ASCII character into the log. Every character outside printable
 * ASCII, and the quote and backslash, is written as a {@code \}{@code uXXXX} escape, so the escaped
 * text reads back to exactly what was sent. Stateless.
 */
public final class LogValues {

    private static final HexFormat HEX = HexFormat.of();

    private LogValues() {
    }

    /** {@code value} as one bare token: spaces are escaped too, so that it cannot split into fields. */
    public static String token(String value) {
        return escaped(value, '!');
    }

    /** {@code value} with quotes, backslashes and non-printable characters escaped, spaces kept: to be quoted. */
    public static String escaped(String value) {
        return escaped(value, ' ');
    }

    private static String escaped(String value, char lowestKept) {
        int first = 0;
        while (first < value.length() && kept(value.charAt(first), lowestKept)) {
            first++;
        }
        if (first == value.length()) {
            // Nearly every value needs no escape: no copy then.
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 8).append(value, 0, first);
        for (int i = first; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!kept(c, lowestKept)) {
                out.append("\\u").append(HEX.formatHex(new byte[] {(byte) (c >> 8), (byte) c}));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean kept(char c, char lowestKept) {
        return c >= lowestKept && c <= '~' && c != '"' && c != '\\';
    }
}
