package dev.strata.adapters.rest.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document: what it says about the API, and a copy in target/ for the linter. */
class OpenApiDocumentTest {

    private static TestApi api;
    private static HttpResult served;

    @BeforeAll
    static void start() throws IOException {
        api = new TestApi();
        served = api.http.get("/v1/openapi.json").send();
        Files.writeString(Path.of("target", "openapi.json"), served.body());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void theDocumentIsServedAsOpenApi3Json() {
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).startsWith("application/json");
        assertThat(served.json().get("openapi").asText()).startsWith("3.");
    }
}
