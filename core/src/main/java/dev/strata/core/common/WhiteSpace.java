package dev.strata.core.common;

/**
 * The one definition of white space for trimming and blank checks: every code point Java calls
 * white space ({@link Character#isWhitespace}: tab, line breaks, the separators but the no-break
 * ones) or a space character ({@link Character#isSpaceChar}: every Unicode space, line and
 * paragraph separator, the no-break spaces U+00A0, U+2007 and U+202F included), and the invisible
 * format characters that render as nothing: U+180E (Mongolian vowel separator), U+200B (zero-width
 * space), U+2060 (word joiner) and U+FEFF (zero-width no-break space, a byte order mark). Other
 * format characters (the zero-width joiners of emoji, direction marks) are text and are kept.
 */
public final class WhiteSpace {

    private WhiteSpace() {
    }

    /** Whether {@code codePoint} is white space by this definition. */
    public static boolean is(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || codePoint == 0x180E || codePoint == 0x200B || codePoint == 0x2060 || codePoint == 0xFEFF;
    }

    /** {@code text} without its leading and trailing white space. */
    public static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && is(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && is(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    /** Whether {@code text} is empty or white space only. */
    public static boolean isBlank(String text) {
        return text.codePoints().allMatch(WhiteSpace::is);
    }
}
