package dev.strata.adapters.rest.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestApi;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bodies are well-formed UTF-8 and their strings valid Unicode (RFC 8259 §8.1, RFC 7493 §2.1): in
 * every string of every operation's body, each ill-formed byte sequence (overlong forms, encoded
 * surrogates, code points past U+10FFFF, stray and missing continuation bytes) and each escape of
 * an unpaired surrogate or a noncharacter is refused with a 400 naming the field, and none is stored.
 * Characters beyond the BMP, written raw or as an escaped pair, are accepted and kept.
 */
class UnicodeBodiesTest {

    @RegisterExtension
    static final TestApi api = new TestApi();
    private static final String MARK = "\u0001MARK\u0001";

    /** Byte sequences that are not UTF-8; the first few decode leniently to '/' or 'A'. */
    static List<String> illFormedBytes() {
        return List.of("c0af", "e080af", "f08080af", "f880808080af", "c181", "e08081", "c080", "eda080", "edbfbf",
                "edafbfedbfbf", "f4908080", "f5808080", "fe", "ff", "80", "bf", "c3", "e282", "f09f98", "c328",
                "e228a1", "f0288cbc", "61ff62");
    }

    /** JSON escapes of what is no Unicode scalar value, or a noncharacter. */
    static List<String> invalidEscapes() {
        return List.of("\\ud800", "\\udfff", "\\udbff", "\\udc00", "a\\ud800b", "\\ud800\\u0041", "\\udc00\\ud800",
                "\\ud800\\ud800", "x\\uDFFF", "\\uD83D", "\\ufffe", "\\uffff", "\\ufdd0", "\\ufdef", "\\ud83f\\udffe",
                "\\udbff\\udfff");
    }

    private static HttpResult send(Bodies.Operation operation, byte[] body) {
        return operation.request().get().bytes(operation.contentType(), body).send();
    }

    private static byte[] withBytes(String json, byte[] inserted) {
        String[] parts = json.split(MARK, -1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
        out.writeBytes(inserted);
        out.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void illFormedTextInAnyStringIsRefusedNamingTheField() throws Exception {
        int sent = assertEveryStringRefused("\"code\":\"invalid_(utf8|unicode)\"", (body, place) -> {
            String template = Bodies.replaced(body, place, TextNode.valueOf("a" + MARK + "b"));
            List<byte[]> spoilt = new ArrayList<>();
            illFormedBytes().forEach(hex -> spoilt.add(HexFormat.of().parseHex(hex)));
            invalidEscapes().forEach(escape -> spoilt.add(escape.getBytes(StandardCharsets.US_ASCII)));
            return spoilt.stream().map(inserted -> new Spoilt(HexFormat.of().formatHex(inserted),
                    withBytes(template.replace("\\u0001", "\u0001"), inserted))).toList();
        });
        assertThat(sent).isGreaterThan(300);
    }

    /** A request body with one string spoilt, and what was done to it. */
    private record Spoilt(String description, byte[] body) {
    }

    /**
     * Sends every body {@code spoil} makes of each string of each operation's request; each must be a
     * 400 naming that string's field, with a code matching {@code codePattern}. Returns how many were sent.
     */
    private int assertEveryStringRefused(String codePattern,
            BiFunction<JsonNode, Bodies.Place, List<Spoilt>> spoil) throws Exception {
        SoftAssertions softly = new SoftAssertions();
        int sent = 0;
        for (Bodies.Operation operation : Bodies.operations(api)) {
            JsonNode body = operation.json();
            for (Bodies.Place place : Bodies.places(body)) {
                if (!place.value().isTextual()) {
                    continue;
                }
                for (Spoilt spoilt : spoil.apply(body, place)) {
                    HttpResult response = send(operation, spoilt.body());
                    sent++;
                    String what = operation.name() + " " + place.field() + " with " + spoilt.description() + " -> "
                            + response.body();
                    softly.assertThat(response.status()).as(what).isEqualTo(400);
                    softly.assertThat(response.body()).as(what).contains("\"field\":\"" + place.field() + "\"")
                            .containsPattern(codePattern);
                }
            }
        }
        softly.assertAll();
        return sent;
    }

    @Test
    void illFormedUtf8InAQueryValueOrThePathIsRefusedNamingIt() throws Exception {
        String token = "Bearer " + Accounts.signUpAndIn(api.http).token();
        HttpClient client = HttpClient.newHttpClient();
        SoftAssertions softly = new SoftAssertions();
        for (String hex : illFormedBytes()) {
            StringBuilder escaped = new StringBuilder();
            for (int i = 0; i < hex.length(); i += 2) {
                escaped.append('%').append(hex, i, i + 2);
            }
            for (String[] target : new String[][] {{"/v1/posts?q=a" + escaped + "b", "q"},
                    {"/v1/orders?currency=" + escaped, "currency"}, {"/v1/posts/post_" + escaped, "path"}}) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(api.server.uri().resolve(target[0]))
                        .header("Authorization", token).build(), HttpResponse.BodyHandlers.ofString());
                softly.assertThat(response.statusCode()).as(target[0] + " -> " + response.body()).isEqualTo(400);
                softly.assertThat(response.body()).as(target[0]).contains("\"field\":\"" + target[1] + "\"")
                        .contains("\"code\":\"invalid_utf8\"");
            }
        }
        softly.assertAll();
        HttpResponse<String> wellFormed = client.send(HttpRequest.newBuilder(api.server.uri()
                .resolve("/v1/posts?q=%C3%A9%F0%9F%98%80")).header("Authorization", token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wellFormed.statusCode()).as(wellFormed.body()).isEqualTo(200);
    }

    @Test
    void charactersBeyondTheBasicPlaneAreKeptWhetherRawOrEscaped() throws Exception {
        Bodies.Operation createPost = Bodies.operations(api).get(2);
        for (String body : List.of("{\"body\":\"smile \uD83D\uDE00 \u00e9\"}", "{\"body\":\"smile \\ud83d\\ude00 \\u00e9\"}")) {
            HttpResult created = send(createPost, body.getBytes(StandardCharsets.UTF_8));

            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(Bodies.JSON.readTree(created.body()).get("body").asText()).isEqualTo("smile \uD83D\uDE00 \u00e9");
        }
    }

    @Test
    void aBodyInAnotherCharsetThanUtf8IsRefused() throws Exception {
        Bodies.Operation createPost = Bodies.operations(api).get(2);
        HttpResult response = createPost.request().get().bytes("application/json; charset=utf-16",
                "{\"body\":\"x\"}".getBytes(StandardCharsets.UTF_16)).send();

        assertThat(response.status()).as(response.body()).isEqualTo(415);
    }

    @Test
    void nulInAnyStringIsRefusedNamingTheField() throws Exception {
        int sent = assertEveryStringRefused("\"code\":\"invalid_character\"", (body, place) ->
                Stream.of("\\u0000", "a\\u0000", "\\u0000b", "a\\u0000\\u0000b").map(nul -> {
                    String json = Bodies.replaced(body, place, TextNode.valueOf(MARK))
                            .replace("\\u0001MARK\\u0001", nul);
                    return new Spoilt(json, json.getBytes(StandardCharsets.UTF_8));
                }).toList());
        assertThat(sent).isGreaterThan(40);
    }

    @Test
    void nulInAnyQueryOrPathParameterOfTheDocumentIsRefusedNamingIt() throws Exception {
        String token = "Bearer " + Accounts.signUpAndIn(api.http).token();
        HttpClient client = HttpClient.newHttpClient();
        JsonNode document = api.http.get("/v1/openapi.json").send().json();
        SoftAssertions softly = new SoftAssertions();
        int sent = 0;
        for (var paths = document.get("paths").fields(); paths.hasNext();) {
            var path = paths.next();
            for (var operations = path.getValue().fields(); operations.hasNext();) {
                var operation = operations.next();
                if (!List.of("get", "put", "post", "delete", "patch").contains(operation.getKey())) {
                    continue;
                }
                List<JsonNode> parameters = new ArrayList<>();
                path.getValue().path("parameters").forEach(parameters::add);
                operation.getValue().path("parameters").forEach(parameters::add);
                for (JsonNode listed : parameters) {
                    JsonNode parameter = listed.has("$ref") ? document.at(listed.get("$ref").asText().substring(1)) : listed;
                    String name = parameter.get("name").asText();
                    String in = parameter.get("in").asText();
                    if (!in.equals("query") && !in.equals("path")) {
                        continue;
                    }
                    for (String value : List.of("%00", "a%00b")) {
                        String target = in.equals("path")
                                ? path.getKey().replace("{" + name + "}", value).replaceAll("\\{[^}]+}", "x")
                                : path.getKey().replaceAll("\\{[^}]+}", "x") + "?" + name + "=" + value;
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(api.server.uri().resolve(target))
                                .method(operation.getKey().toUpperCase(), HttpRequest.BodyPublishers.noBody())
                                .header("Authorization", token).build(), HttpResponse.BodyHandlers.ofString());
                        sent++;
                        String what = operation.getKey() + " " + target + " -> " + response.body();
                        if (in.equals("query")) {
                            softly.assertThat(response.statusCode()).as(what).isEqualTo(400);
                            softly.assertThat(response.body()).as(what).contains("\"field\":\"" + name + "\"")
                                    .contains("\"code\":\"invalid_character\"");
                        } else {
                            // A path parameter is refused by its own format (an id), or names no resource.
                            softly.assertThat(response.statusCode()).as(what).isIn(400, 404);
                            softly.assertThat(response.headers().firstValue("Content-Type")).as(what)
                                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                        }
                    }
                }
            }
        }
        softly.assertAll();
        assertThat(sent).isGreaterThan(20);
    }
}
