package dev.strata.adapters.rest.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The served OpenAPI document and what it promises; a copy of it goes to
 * adapters-rest/target/openapi.json, to read or to lint.
 */
class OpenApiDocumentTest {

    @RegisterExtension
    static final TestApi api = new TestApi();

    private static HttpResult served;
    private static JsonNode document;

    @BeforeAll
    static void start() throws IOException {
        served = api.http.get("/v1/openapi.json").send();
        document = served.json();
        Files.writeString(Path.of("target", "openapi.json"), served.body());
    }

    private static List<JsonNode> operations() {
        List<JsonNode> operations = new ArrayList<>();
        document.get("paths").forEach(path -> path.forEach(operations::add));
        return operations;
    }

    @Test
    void theDocumentIsServedAsOpenApi3JsonWithAnETag() {
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).startsWith("application/json");
        assertThat(document.get("openapi").asText()).startsWith("3.0");
        String tag = served.header("ETag").orElseThrow();
        assertThat(api.http.get("/v1/openapi.json").header("If-None-Match", tag).send().status()).isEqualTo(304);
    }

    @Test
    void theSameDocumentIsServedAsYaml() {
        HttpResult yaml = api.http.get("/v1/openapi.yaml").send();

        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.contentType()).startsWith("application/yaml");
        assertThat(yaml.body()).startsWith("openapi: 3.0").contains("/v1/accounts/{id}:");
    }

    @Test
    void schemasUseTheWireNamesInSnakeCaseAndInstantsAreDateTimes() {
        JsonNode account = document.at("/components/schemas/Account/properties");

        assertThat(account.has("display_name")).isTrue();
        assertThat(account.has("displayName")).isFalse();
        assertThat(account.at("/created_at/type").asText()).isEqualTo("string");
        assertThat(account.at("/created_at/format").asText()).isEqualTo("date-time");
        assertThat(document.at("/components/schemas/Account/additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void requestBodiesCarryTheirLimitsAndExamples() {
        JsonNode newAccount = document.at("/components/schemas/NewAccount");

        assertThat(newAccount.get("required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("email", "password", "display_name");
        assertThat(newAccount.at("/properties/password/minLength").asInt()).isEqualTo(8);
        assertThat(newAccount.at("/properties/display_name/maxLength").asInt()).isEqualTo(100);
        assertThat(newAccount.at("/properties/email/example").asText()).contains("@");
    }

    @Test
    void everyErrorResponseIsAProblemDetailsBody() {
        JsonNode responses = document.at("/components/responses");
        List<String> errors = new ArrayList<>();
        operations().forEach(operation -> operation.get("responses").fields().forEachRemaining(entry -> {
            if (entry.getKey().startsWith("4") || entry.getKey().startsWith("5")) {
                errors.add(entry.getKey());
                String ref = entry.getValue().path("$ref").asText();
                JsonNode response = responses.get(ref.substring(ref.lastIndexOf('/') + 1));
                assertThat(response.at("/content/application~1problem+json/schema/$ref").asText())
                        .isEqualTo("#/components/schemas/ProblemDetails");
            }
        }));
        assertThat(errors).contains("400", "401", "404", "406", "409", "412", "413", "415", "428", "429", "503");
    }

    @Test
    void everyAuthenticatedOperationNeedsTheBearerSchemeAndCanAnswer401() {
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        JsonNode read = document.at("/paths/~1v1~1accounts~1{id}/get");
        assertThat(read.at("/security/0/bearer").isArray()).isTrue();
        assertThat(read.at("/responses/401/$ref").asText()).endsWith("/Unauthorized");
        assertThat(document.at("/paths/~1v1~1accounts/post/security").isMissingNode()).isTrue();
    }

    @Test
    void theHeadersThatMatterAreDocumented() {
        List<String> headers = new ArrayList<>();
        document.at("/components/headers").fieldNames().forEachRemaining(headers::add);

        assertThat(headers).contains("ETag", "Location", "Link", "Request-Id", "Retry-After", "Idempotent-Replayed",
                        "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
        assertThat(document.at("/components/parameters/If-Match/in").asText()).isEqualTo("header");
        assertThat(document.at("/components/parameters/If-None-Match/in").asText()).isEqualTo("header");
        assertThat(document.at("/components/parameters/Idempotency-Key/schema/maxLength").asInt()).isEqualTo(255);
        assertThat(document.at("/components/parameters/Prefer/in").asText()).isEqualTo("header");
        JsonNode created = document.at("/paths/~1v1~1accounts/post/responses/201/headers");
        assertThat(created.has("Location")).isTrue();
        assertThat(created.has("ETag")).isTrue();
        assertThat(document.at("/paths/~1v1~1accounts~1{id}/patch/parameters").findValuesAsText("$ref"))
                .contains("#/components/parameters/If-Match");
    }

    @Test
    void everyOperationHasAUniqueIdASummaryATagAndTheCommonParts() {
        List<String> ids = new ArrayList<>();
        for (JsonNode operation : operations()) {
            ids.add(operation.path("operationId").asText());
            assertThat(operation.path("summary").asText()).as(operation.path("operationId").asText()).isNotBlank();
            assertThat(operation.path("tags").size()).isPositive();
            assertThat(operation.at("/responses/406/$ref").asText()).endsWith("/NotAcceptable");
            assertThat(operation.get("parameters").findValuesAsText("$ref"))
                    .contains("#/components/parameters/Request-Id");
        }
        assertThat(ids).doesNotContain("").doesNotHaveDuplicates();
    }

    @Test
    void everyResponseWithABodyHasASchema() {
        for (JsonNode operation : operations()) {
            operation.get("responses").fields().forEachRemaining(response -> response.getValue().path("content")
                    .forEach(media -> assertThat(media.has("schema"))
                            .as(operation.path("operationId").asText() + " " + response.getKey()).isTrue()));
        }
    }
}
