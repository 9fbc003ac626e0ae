package dev.strata.adapters.rest.http;

/**
 * Reads a header field value by the grammar of RFC 9110 §5.6 (tokens, quoted strings, optional
 * whitespace, lists), for the parsers of the headers Strata acts on ({@link MediaTypes},
 * {@link EntityTags}, {@link Prefer}). Each read either advances past what it read or fails with
 * {@link MalformedHeaderException}. Not thread-safe; one per value.
 */
final class HeaderCursor {

    private final String header;
    private final String text;
    private int at;

    HeaderCursor(String header, String text) {
        this.header = header;
        this.text = text;
    }

    /** Where the cursor is: the index of the next character. */
    int position() {
        return at;
    }

    /** The text from {@code start} up to the cursor. */
    String since(int start) {
        return text.substring(start, at);
    }

    boolean atEnd() {
        return at >= text.length();
    }

    /** The next character, or 0 at the end. */
    char peek() {
        return atEnd() ? 0 : text.charAt(at);
    }

    /** Skips OWS: spaces and horizontal tabs. */
    void skipWhitespace() {
        while (!atEnd() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
    }

    /** Takes {@code expected} when it is next. */
    boolean take(char expected) {
        if (peek() == expected && !atEnd()) {
            at++;
            return true;
        }
        return false;
    }

    /** Takes {@code expected} when it comes next, exactly and in this case. */
    boolean take(String expected) {
        if (text.startsWith(expected, at)) {
            at += expected.length();
            return true;
        }
        return false;
    }

    void expect(char expected, String what) {
        if (!take(expected)) {
            throw fail("expected " + what + " at position " + at);
        }
    }

    /** A token (1*tchar), failing when there is none. */
    String token(String what) {
        int start = at;
        while (!atEnd() && isTokenChar(text.charAt(at))) {
            at++;
        }
        if (at == start) {
            throw fail("expected " + what + " at position " + start);
        }
        return text.substring(start, at);
    }

    /** A quoted string ({@code DQUOTE *( qdtext / quoted-pair ) DQUOTE}), unescaped. */
    String quotedString() {
        expect('"', "a quoted string");
        StringBuilder value = new StringBuilder();
        while (!atEnd()) {
            char next = text.charAt(at++);
            if (next == '"') {
                return value.toString();
            }
            if (next == '\\') {
                if (atEnd() || !isQuotable(text.charAt(at))) {
                    throw fail("a backslash in a quoted string must escape a visible character");
                }
                next = text.charAt(at++);
            } else if (!isQuotable(next)) {
                throw fail("a quoted string holds a control character");
            }
            value.append(next);
        }
        throw fail("a quoted string is not closed");
    }

    /**
     * Moves to the next element of a list ({@code 1#element}): true when one follows, false at the
     * end; empty elements are skipped, as RFC 9110 §5.6.1 has a recipient do.
     */
    boolean nextElement(boolean first) {
        skipWhitespace();
        if (!first && !atEnd()) {
            expect(',', "a comma between list elements");
        }
        while (true) {
            skipWhitespace();
            if (!take(',')) {
                return !atEnd();
            }
        }
    }

    MalformedHeaderException fail(String reason) {
        return new MalformedHeaderException(header, reason);
    }

    static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /** HTAB, SP, VCHAR and obs-text: what a quoted string may hold. */
    private static boolean isQuotable(char c) {
        return c == '\t' || (c >= ' ' && c != 0x7f && c <= 0xff);
    }
}
