package dev.strata.adapters.rest.http;

import jakarta.ws.rs.core.MediaType;
import java.util.regex.Pattern;

/**
 * The media types Strata speaks beyond plain JSON, and the syntax checks of the headers that carry
 * media types ({@code Content-Type}, RFC 9110 §8.3; {@code Accept}, RFC 9110 §12.5.1).
 */
public final class MediaTypes {

    /** RFC 9457 problem details. */
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final MediaType PROBLEM_JSON_TYPE = MediaType.valueOf(PROBLEM_JSON);

    /** RFC 7396 JSON merge patch. */
    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    /** RFC 6902 JSON patch. */
    public static final String JSON_PATCH_JSON = "application/json-patch+json";

    /** RFC 9110 §12.4.2 qvalue: {@code 0} to {@code 1} with at most three decimals. */
    private static final Pattern QVALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    private MediaTypes() {
    }

    /**
     * Checks a {@code Content-Type} value: {@code type "/" subtype *( OWS ";" OWS [ parameter ] )}.
     *
     * @throws MalformedHeaderException naming {@code Content-Type} when it is not one
     */
    static void checkContentType(String value) {
        HeaderCursor cursor = new HeaderCursor("Content-Type", value);
        cursor.skipWhitespace();
        cursor.token("a type");
        cursor.expect('/', "'/' after the type");
        cursor.token("a subtype");
        parameters(cursor);
        if (!cursor.atEnd()) {
            throw cursor.fail("unexpected '" + cursor.peek() + "' after the media type");
        }
    }

    /**
     * Checks an {@code Accept} value: a list of media ranges ({@code *}{@code /*}, {@code type/*} or
     * {@code type/subtype}), each with parameters and a weight ({@code q=} a qvalue).
     *
     * @return the same list without its empty elements, which RFC 9110 §5.6.1 has a recipient
     *         accept and Jersey's reader does not
     * @throws MalformedHeaderException naming {@code Accept} when it is not one
     */
    static String checkAccept(String value) {
        HeaderCursor cursor = new HeaderCursor("Accept", value);
        StringBuilder elements = new StringBuilder();
        for (boolean first = true; cursor.nextElement(first); first = false) {
            int start = cursor.position();
            String type = cursor.token("a type");
            cursor.expect('/', "'/' after the type");
            String subtype = cursor.token("a subtype");
            if (type.equals("*") && !subtype.equals("*")) {
                throw cursor.fail("a media range of any type has any subtype: */*");
            }
            parameters(cursor);
            elements.append(elements.isEmpty() ? "" : ", ").append(cursor.since(start).strip());
        }
        return elements.toString();
    }

    /** {@code *( OWS ";" OWS [ token "=" ( token / quoted-string ) ] )}, up to a comma or the end. */
    private static void parameters(HeaderCursor cursor) {
        while (true) {
            cursor.skipWhitespace();
            if (!cursor.take(';')) {
                return;
            }
            cursor.skipWhitespace();
            if (cursor.atEnd() || cursor.peek() == ';' || cursor.peek() == ',') {
                continue;
            }
            String name = cursor.token("a parameter name");
            cursor.expect('=', "'=' after the parameter " + name);
            String parameterValue = cursor.peek() == '"' ? cursor.quotedString() : cursor.token("a parameter value");
            // Jersey reads q as a weight wherever it is; RFC 9110 §12.4.2 says what a weight is.
            if (name.equalsIgnoreCase("q") && !QVALUE.matcher(parameterValue).matches()) {
                throw cursor.fail("q must be a number from 0 to 1 with at most three decimals");
            }
        }
    }
}
