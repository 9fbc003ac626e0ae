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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
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

    /** An operation of the document: its method (lower case), its path template and its description. */
    private record Operation(String method, String path, JsonNode description) {
    }

    private static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document().get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(operation -> {
                if (METHODS.contains(operation.getKey())) {
                    operations.add(new Operation(operation.getKey(), path.getKey(), operation.getValue()));
                }
            });
        }
        return operations;
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
        JsonNode document = document();
        for (Operation operation : operations()) {
            Set<String> types = new TreeSet<>();
            operation.description().get("responses").forEach(listed -> {
                // Most responses are references to the document's shared ones (#/components/responses/...).
                JsonNode response = listed.has("$ref") ? document.at(listed.get("$ref").asText().substring(1)) : listed;
                if (response.has("content")) {
                    response.get("content").fieldNames().forEachRemaining(types::add);
                }
            });
            for (String type : types) {
                // A fresh session each time: the operation may be a sign-out.
                String token = Accounts.signUpAndIn(api.http).token();
                HttpResponse<String> response = send(operation.method(), concrete(operation.path()),
                        Map.of("Accept", type, "Authorization", "Bearer " + token), null);
                sent++;
                softly.assertThat(response.statusCode())
                        .as("%s %s with Accept: %s -> %s", operation.method(), operation.path(), type, response.body())
                        .isNotEqualTo(406).isLessThan(500);
            }
        }
        softly.assertAll();
        assertThat(sent).isGreaterThan(60);
    }

    @Test
    void aBodyWithoutContentTypeIs415NamingTheTypesTheDocumentLists() throws Exception {
        String token = Accounts.signUpAndIn(api.http).token();
        SoftAssertions softly = new SoftAssertions();
        int sent = 0;
        for (Operation operation : operations()) {
            Set<String> types = requestBodyTypes(operation);
            if (types.isEmpty()) {
                continue;
            }
            HttpResponse<String> response = send(operation.method(), concrete(operation.path()),
                    Map.of("Authorization", "Bearer " + token), "{\"a\":1}");
            sent++;
            String what = operation.method() + " " + operation.path() + " -> " + response.body();
            softly.assertThat(response.statusCode()).as(what).isEqualTo(415);
            softly.assertThat(response.headers().firstValue("Content-Type")).as(what)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            for (String type : types) {
                softly.assertThat(response.body()).as(what).contains(type);
                if (operation.method().equals("patch")) {
                    softly.assertThat(response.headers().firstValue("Accept-Patch")).as(what)
                            .hasValueSatisfying(accepted -> assertThat(accepted).contains(type));
                }
            }
        }
        softly.assertAll();
        assertThat(sent).isGreaterThan(8);
    }

    /** The media types the document lists for {@code operation}'s request body; none when it takes no body. */
    private static Set<String> requestBodyTypes(Operation operation) {
        Set<String> types = new TreeSet<>();
        operation.description().path("requestBody").path("content").fieldNames().forEachRemaining(types::add);
        return types;
    }

    /** Syntactically valid Content-Types that are no operation's: ranges, and types nothing here reads. */
    private static final List<String> UNSUPPORTED = List.of("*/*", "application/*", "*/*; q=1", "text/*",
            "application/json-seq", "text/plain", "multipart/form-data; boundary=x", "application/octet-stream",
            "application/x-www-form-urlencoded");

    @Test
    void aBodyInAMediaRangeOrATypeNoOperationTakesIs415Problem() throws Exception {
        String token = Accounts.signUpAndIn(api.http).token();
        SoftAssertions softly = new SoftAssertions();
        int sent = 0;
        for (Operation operation : operations()) {
            Set<String> types = requestBodyTypes(operation);
            if (types.isEmpty()) {
                continue;
            }
            for (String contentType : UNSUPPORTED) {
                HttpResponse<String> response = send(operation.method(), concrete(operation.path()),
                        Map.of("Authorization", "Bearer " + token, "Content-Type", contentType), "{\"a\":1}");
                sent++;
                String what = operation.method() + " " + operation.path() + " Content-Type: " + contentType
                        + " -> " + response.body();
                softly.assertThat(response.statusCode()).as(what).isEqualTo(415);
                softly.assertThat(response.headers().firstValue("Content-Type")).as(what)
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                softly.assertThat(response.body()).as(what).contains("\"code\":\"unsupported_media_type\"");
                if (contentType.startsWith("*/*") || contentType.startsWith("application/*")) {
                    types.forEach(type -> softly.assertThat(response.body()).as(what).contains(type));
                }
            }
        }
        softly.assertAll();
        assertThat(sent).isGreaterThan(8 * UNSUPPORTED.size());
    }

    @Test
    void aBodySentToAnOperationThatTakesNoneIsRefusedNotIgnored() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        int sent = 0;
        for (Operation operation : operations()) {
            // GET and DELETE with a body are refused by the transport already (RequestChecks).
            if (!Set.of("post", "put", "patch").contains(operation.method()) || operation.description().has("requestBody")) {
                continue;
            }
            for (Map<String, String> contentType : List.of(Map.<String, String>of(), Map.of("Content-Type", "application/json"))) {
                // A fresh session each time: the operation may be a sign-out.
                Map<String, String> headers = new HashMap<>(contentType);
                headers.put("Authorization", "Bearer " + Accounts.signUpAndIn(api.http).token());
                HttpResponse<String> response = send(operation.method(), concrete(operation.path()), headers, "{\"a\":1}");
                sent++;
                String what = operation.method() + " " + operation.path() + " " + contentType + " -> " + response.body();
                softly.assertThat(response.statusCode()).as(what).isEqualTo(400);
                softly.assertThat(response.body()).as(what).contains("\"code\":\"unexpected_body\"");
            }
        }
        softly.assertAll();
        assertThat(sent).isGreaterThan(4);
    }
}
