package dev.strata.adapters.rest.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests no HTTP library would send, generated from lists of bad request-line parts, bad
 * header bytes, bad framing and hostile hosts, and the one property every answer must have: a
 * response with a {@code Request-Id}, never a 5xx, never HTML or a stack trace, and when it is an
 * error, an RFC 9457 problem ({@code type}, {@code title}, {@code status}, {@code detail},
 * {@code code}, {@code request_id}). Cases marked {@link Case#mustRefuse()} must get a 4xx.
 * Shared by the in-process test and the test of the packaged app.
 */
public final class HostileRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OK_HEAD = "Host: localhost\r\n";
    /** A second request hidden where a lenient reader of the first one's framing would find it. */
    private static final String SMUGGLED = "GET /v1/smuggled HTTP/1.1\r\n" + OK_HEAD + "\r\n";

    private HostileRequests() {
    }

    /** What a case may get. */
    public enum Outcome {
        /** A 4xx problem: the request is malformed. */
        REFUSED,
        /** Any clean answer: the request is odd but valid (an absolute-form target, an obs-fold). */
        ANSWERED,
        /**
         * A 4xx problem, or the connection closed without a byte once the client ends its stream:
         * the head never ended as Grizzly reads it (no space after the method, no colon in a header
         * line, only empty lines), so no request exists to answer.
         */
        NO_REQUEST
    }

    /**
     * One raw request.
     *
     * @param name    what it is, for the failure message
     * @param bytes   exactly what is sent
     * @param outcome what answers are right
     */
    public record Case(String name, byte[] bytes, Outcome outcome) {

        boolean mustRefuse() {
            return outcome != Outcome.ANSWERED;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Every case, generated. */
    public static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        requestLines(cases);
        headerBytes(cases);
        framing(cases);
        sizes(cases);
        hosts(cases);
        return cases;
    }

    private static void requestLines(List<Case> cases) {
        List<String> badTargets = List.of("/v1/%G1", "/v1%", "/v1/posts?q=%", "/v1/posts?q=%zz", "/v1/posts?q=a%2",
                "/v1/%%", "/v1/a%0", "*", "v1", "evil.example:443", "/v1/<script>", "/v1/{x}", "/v1/a|b",
                "/v1#fragment", "/v1/\u00e9", "/v1/\u0001", "http://user@evil.example/v1", "ftp://evil.example/v1",
                "//evil.example/v1");
        List<String> methods = List.of("GET", "POST", "DELETE", "OPTIONS", "BREW");
        for (String method : methods) {
            for (String target : badTargets) {
                boolean asteriskOptions = "*".equals(target) && "OPTIONS".equals(method);
                cases.add(raw(method + " " + target, method + " " + target + " HTTP/1.1\r\n" + OK_HEAD + "\r\n",
                        !asteriskOptions));
            }
        }
        // Well-formed percent-encoding of bytes that are not UTF-8: a clean answer (400, or 404 where no
        // route takes the path), never the HTTP server's empty 500.
        for (String target : List.of("/metrics%FF", "/health/%FF", "/v1/%C0%AF", "/%E2%82", "/v1/posts?q=%FF")) {
            for (String method : List.of("GET", "POST")) {
                cases.add(raw(method + " " + target, method + " " + target + " HTTP/1.1\r\n" + OK_HEAD
                        + "Content-Length: 0\r\n\r\n", false));
            }
        }
        List<String> badMethods = List.of("G@T", "GE T", "G\u0000T", "(GET)", "\u00c9T", "CONNECT");
        for (String method : badMethods) {
            cases.add(raw("method " + printable(method), method + " /v1 HTTP/1.1\r\n" + OK_HEAD + "\r\n", true));
        }
        cases.add(raw("CONNECT authority-form", "CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n",
                true));
        cases.add(raw("absurdly long method", "X".repeat(4000) + " /v1 HTTP/1.1\r\n" + OK_HEAD + "\r\n", false));
        for (String method : List.of("BREW", "get", "PROPFIND", "TRACE", "M-SEARCH")) {
            cases.add(raw("unknown method " + method, method + " /v1 HTTP/1.1\r\n" + OK_HEAD + "\r\n", true));
        }
        List<String> versions = List.of("HTTP/2.0", "HTTP/0.9", "HTTP/1.2", "HTTP/9.9", "http/1.1", "HTTP/1.1 extra",
                "HTTP/1", "HTTP/1.1.1", "FOO", "HTTP/\u0000");
        for (String version : versions) {
            cases.add(raw("version " + printable(version), "GET /v1 " + version + "\r\n" + OK_HEAD + "\r\n", true));
        }
        cases.add(raw("HTTP/0.9 simple request", "GET /v1\r\n\r\n", true));
        // The HTTP/2 connection preface is h2c with prior knowledge when HTTP/2 is on, and refused
        // when it is off: see Http2FramesTest and UpgradeOfferTest.
        cases.add(raw("tab after the method", "GET\t/v1 HTTP/1.1\r\n" + OK_HEAD + "\r\n", false));
        cases.add(new Case("only empty lines", bytes("\r\n\r\n"), Outcome.NO_REQUEST));
        cases.add(new Case("TLS handshake on the plain port",
                bytes("\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003\r\n\r\n"), Outcome.NO_REQUEST));
        cases.add(raw("absolute-form target", "GET http://localhost/v1 HTTP/1.1\r\n" + OK_HEAD + "\r\n", false));
        cases.add(raw("asterisk-form OPTIONS", "OPTIONS * HTTP/1.1\r\n" + OK_HEAD + "\r\n", false));
        cases.add(raw("HTTP/1.0 without Host", "GET /v1 HTTP/1.0\r\n\r\n", false));
    }

    private static void headerBytes(List<Case> cases) {
        List<Character> controls = List.of('\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\r', '\u001b', '\u001f',
                '\u007f');
        List<String> names = List.of("X-Anything", "Content-Type", "Authorization", "Accept", "If-None-Match", "Host");
        for (String name : names) {
            for (char control : controls) {
                String value = "Host".equals(name) ? "local" + control + "host" : "a" + control + "b";
                String head = ("Host".equals(name) ? "" : OK_HEAD) + name + ": " + value + "\r\n";
                cases.add(raw(name + " with " + printable(String.valueOf(control)),
                        "GET /v1 HTTP/1.1\r\n" + head + "\r\n", control != '\r'));
            }
        }
        List<String> badNames = List.of("Bad Header", "Bad\tHeader", "X-A ", "(X)", "X@Y", "", "X\u00e9", "X:Y:");
        for (String name : badNames) {
            cases.add(raw("header name " + printable(name), "GET /v1 HTTP/1.1\r\n" + OK_HEAD + name + ": v\r\n\r\n",
                    !"X:Y:".equals(name)));
        }
        cases.add(new Case("header line without colon",
                bytes("GET /v1 HTTP/1.1\r\n" + OK_HEAD + "NoColonHere\r\n\r\n"), Outcome.NO_REQUEST));
        cases.add(raw("obs-fold", "GET /v1 HTTP/1.1\r\n" + OK_HEAD + "X-Folded: a\r\n b\r\n\r\n", false));
        cases.add(raw("obs-fold in the first header", "GET /v1 HTTP/1.1\r\n X-Lead: a\r\n" + OK_HEAD + "\r\n", false));
        cases.add(raw("bare LF line ends", "GET /v1 HTTP/1.1\n" + OK_HEAD.replace("\r\n", "\n") + "\n", false));
        cases.add(raw("Expect other than 100-continue",
                "GET /v1 HTTP/1.1\r\n" + OK_HEAD + "Expect: 200-ok\r\n\r\n", true));
    }

    private static void framing(List<Case> cases) {
        String post = "POST /v1/accounts HTTP/1.1\r\n" + OK_HEAD + "Content-Type: application/json\r\n";
        List<String> badLengths = List.of("abc", "-1", "+5", "5 5", "0x5", "5, 6", "99999999999999999999999", "");
        for (String length : badLengths) {
            cases.add(raw("Content-Length " + length, post + "Content-Length: " + length + "\r\n\r\n{}", true));
        }
        cases.add(raw("two different Content-Lengths", post + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}", true));
        // To /v1, which takes no body: a server fooled by the framing answers 405 and reads on.
        String smuggler = "POST /v1 HTTP/1.1\r\n" + OK_HEAD;
        cases.add(raw("Content-Length then Transfer-Encoding (smuggling)",
                smuggler + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + SMUGGLED, true));
        cases.add(raw("Transfer-Encoding then Content-Length (smuggling)",
                smuggler + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n" + SMUGGLED, true));
        List<String> codings = List.of("gzip", "chunked, gzip", "gzip, chunked", "xchunked", "chunked\u000b", "identity",
                "chunked;x=1");
        for (String coding : codings) {
            cases.add(raw("Transfer-Encoding " + printable(coding),
                    post + "Transfer-Encoding: " + coding + "\r\n\r\n2\r\n{}\r\n0\r\n\r\n", true));
        }
        cases.add(raw("two Transfer-Encodings",
                post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", true));
        cases.add(raw("Transfer-Encoding in HTTP/1.0", "POST /v1/accounts HTTP/1.0\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n", true));
        List<String> chunkSizes = List.of("ZZ", "-1", "fffffffffffffffffffffff", "0x2", " 2", "2 ;", "\u0000");
        for (String size : chunkSizes) {
            cases.add(raw("chunk size " + printable(size),
                    post + "Transfer-Encoding: chunked\r\n\r\n" + size + "\r\n{}\r\n0\r\n\r\n", true));
        }
    }

    private static void sizes(List<Case> cases) {
        cases.add(raw("head over the limit in one header",
                "GET /v1 HTTP/1.1\r\n" + OK_HEAD + "X-Big: " + "a".repeat(20_000) + "\r\n\r\n", true));
        cases.add(raw("request line over the limit", "GET /v1?" + "a".repeat(20_000) + " HTTP/1.1\r\n" + OK_HEAD + "\r\n",
                true));
        StringBuilder many = new StringBuilder("GET /v1 HTTP/1.1\r\n" + OK_HEAD);
        for (int index = 0; index < 150; index++) {
            many.append("X-H").append(index).append(": v\r\n");
        }
        cases.add(raw("150 headers", many + "\r\n", true));
    }

    private static void hosts(List<Case> cases) {
        List<String> badHosts = List.of("", "a b", "evil.example:99999", "evil.example:abc", "[::1", "user@evil.example",
                "evil.example/path", "evil.example?x", "%65vil.example", "evil.example:80:80", "evil.example#f");
        for (String host : badHosts) {
            cases.add(raw("Host " + printable(host), "GET /v1 HTTP/1.1\r\nHost: " + host + "\r\n\r\n", true));
        }
        cases.add(raw("two Hosts", "GET /v1 HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n\r\n", true));
        cases.add(raw("HTTP/1.1 without Host", "GET /v1 HTTP/1.1\r\n\r\n", true));
        for (String target : List.of("/v1", "/v1/posts", "http://evil.example/v1", "/v1/accounts/acct_x")) {
            cases.add(raw("Host evil.example, " + target, "GET " + target + " HTTP/1.1\r\nHost: evil.example\r\n"
                    + "Forwarded: host=evil.example;proto=https\r\nX-Forwarded-Host: evil.example\r\n\r\n", false));
        }
    }

    /** Asserts the property every answer has (see the class comment and {@link Outcome}). */
    public static void assertCleanAnswer(Case request, RawHttp.Answer answer) {
        if (request.outcome() == Outcome.NO_REQUEST && answer.raw().isEmpty()) {
            return;
        }
        assertThat(answer.response()).as("%s: an answer rather than a closed connection; got %s", request, answer.raw())
                .isPresent();
        RawHttp.Response response = answer.response().orElseThrow();
        String context = request + " -> " + answer.raw();
        assertThat(response.status()).as(context).isBetween(200, 499);
        if (request.mustRefuse()) {
            assertThat(response.status()).as(context).isBetween(400, 499);
        }
        assertThat(response.header("Request-Id")).as(context).isPresent();
        assertThat(response.trailing()).as(context + ": one request, one answer").isEmpty();
        assertThat(response.body()).as(context).doesNotContainIgnoringCase("<html").doesNotContain("Exception")
                .doesNotContain("\tat ").doesNotContain("evil.example");
        response.headers().forEach((name, values) -> assertThat(values).as(context)
                .noneMatch(value -> value.contains("evil.example")));
        if (response.status() >= 400) {
            assertThat(response.header("Content-Type")).as(context).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = json(response.body(), context);
            for (String field : List.of("type", "title", "detail", "code", "request_id")) {
                assertThat(problem.path(field).isTextual()).as(context + ": " + field).isTrue();
            }
            assertThat(problem.path("status").asInt()).as(context).isEqualTo(response.status());
            assertThat(problem.path("request_id").asText()).as(context).isEqualTo(response.header("Request-Id").get());
            assertThat(problem.path("code").asText()).as(context).matches("[a-z0-9_]+");
        }
    }

    private static JsonNode json(String body, String context) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(context + ": the body is not JSON", e);
        }
    }

    private static Case raw(String name, String text, boolean mustRefuse) {
        return new Case(name, bytes(text), mustRefuse ? Outcome.REFUSED : Outcome.ANSWERED);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder("'");
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02X", (int) c));
        }
        return out.append("'").toString();
    }
}
