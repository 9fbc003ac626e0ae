package dev.strata.adapters.rest.docs;

/**
 * The text rules of core's validation, written as the document's JSON Schema patterns and
 * descriptions, for the request types' {@code @Schema} annotations (which need constants). Each
 * pattern refuses exactly the characters the server refuses; the contract fuzzer proves that they
 * agree.
 */
public final class TextRules {

    /** Single-line text: no control character at all (C0, DEL and C1). */
    public static final String SINGLE_LINE = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$";
    /** Multi-line text: no control character but tab, line feed and carriage return. */
    public static final String LINES = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$";
    /** Multi-line text: no control character but tab and line feed. */
    public static final String LINES_WITHOUT_CARRIAGE_RETURNS = "^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*$";

    /** An RFC 3339 instant with an offset, as {@code OffsetDateTime.parse} reads it (case aside). */
    public static final String INSTANT = "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?"
            + "([Zz]|[+-][0-9]{2}:[0-9]{2})";
    /** A UTC date (2026-01-01) or an RFC 3339 instant. */
    public static final String DATE_OR_INSTANT = "([0-9]{4}-[0-9]{2}-[0-9]{2}|" + INSTANT + ")";

    /**
     * What white space is, for trimming and blank checks: core's {@code WhiteSpace}, in words.
     */
    public static final String WHITE_SPACE_DEFINITION = " (every Unicode space, line and paragraph separator,"
            + " the no-break spaces U+00A0, U+2007 and U+202F included, tab and line breaks, and the invisible"
            + " format characters U+180E, U+200B, U+2060 and U+FEFF; other format characters, such as U+200D,"
            + " are text)";

    /** How a trimmed field is normalised, for its description. */
    public static final String TRIMMED = " Surrounding white space" + WHITE_SPACE_DEFINITION + " is removed before it is checked and stored, and the response shows the trimmed value; the"
            + " maximum length counts the text as sent, the minimum the trimmed text.";

    private TextRules() {
    }
}
