package dev.strata.adapters.rest.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.TestApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the served OpenAPI document says about media types holds for every operation in it: each
 * type it lists among an operation's responses is acceptable in {@code Accept} (no 406), and a body
 * sent without {@code Content-Type} gets a 415 naming the types the document lists for the body.
 * Driven by the document, so a new operation is covered without a line here.
 */
class DocumentedMediaTypesTest {

    @RegisterExtension
    static final TestApi api = new TestApi();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private static JsonNode document() {
        return api.http.get("/v1/openapi.json").send().json();
    }

    /** A path with made-up (well-formed enough) ids: the answer may be 404, never 406. */
    private static String concrete(String path) {
        return path.replaceAll("\\{[^}]+}", "x");
    }

    private static HttpResponse<String> send(String method, String path, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.server.uri() + path))
                .method(method.toUpperCase(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyMediaTypeTheDocumentListsForAnOperationIsAcceptable() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        int sent = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document().get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext();) {
                Map.Entry<String, JsonNode> operation = operations.next();
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                Set<String> types = new TreeSet<>();
                operation.getValue().get("responses").forEach(response -> {
                    if (response.has("content")) {
                        response.get("content").fieldNames().forEachRemaining(types::add);
                    }
                });
                for (String type : types) {
                    // A fresh session each time: the operation may be a sign-out.
                    String token = Accounts.signUpAndIn(api.http).token();
                    HttpResponse<String> response = send(operation.getKey(), concrete(path.getKey()),
                            Map.of("Accept", type, "Authorization", "Bearer " + token), null);
                    sent++;
                    softly.assertThat(response.statusCode())
                            .as("%s %s with Accept: %s -> %s", operation.getKey(), path.getKey(), type, response.body())
                            .isNotEqualTo(406).isLessThan(500);
                }
            }
        }
        softly.assertAll();
        assertThat(sent).isGreaterThan(25);
    }

    @Test
    void aBodyWithoutContentTypeIs415NamingTheTypesTheDocumentLists() throws Exception {
        String token = Accounts.signUpAndIn(api.http).token();
        SoftAssertions softly = new SoftAssertions();
        int sent = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document().get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext();) {
                Map.Entry<String, JsonNode> operation = operations.next();
                JsonNode body = operation.getValue().path("requestBody").path("content");
                if (!METHODS.contains(operation.getKey()) || body.isMissingNode()) {
                    continue;
                }
                Set<String> types = new TreeSet<>();
                body.fieldNames().forEachRemaining(types::add);
                HttpResponse<String> response = send(operation.getKey(), concrete(path.getKey()),
                        Map.of("Authorization", "Bearer " + token), "{\"a\":1}");
                sent++;
                String what = operation.getKey() + " " + path.getKey() + " -> " + response.body();
                softly.assertThat(response.statusCode()).as(what).isEqualTo(415);
                softly.assertThat(response.headers().firstValue("Content-Type")).as(what)
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                for (String type : types) {
                    softly.assertThat(response.body()).as(what).contains(type);
                    if (operation.getKey().equals("patch")) {
                        softly.assertThat(response.headers().firstValue("Accept-Patch")).as(what)
                                .hasValueSatisfying(accepted -> assertThat(accepted).contains(type));
                    }
                }
            }
        }
        softly.assertAll();
        assertThat(sent).isGreaterThan(8);
    }
}
