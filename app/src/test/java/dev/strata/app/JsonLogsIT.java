package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.HttpDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STRATA_LOG_FORMAT=json: the packaged app writes one JSON object per line, with no secret in any. */
class JsonLogsIT {

    @TempDir
    Path data;

    @Test
    void everyLineIsAJsonObjectAndNoneHoldsAPasswordOrToken() throws Exception {
        Path log = data.resolve("app.log");
        try (PackagedApp app = PackagedApp.start(data.resolve("data"), log, Map.of("STRATA_LOG_FORMAT", "json"))) {
            HttpDriver api = new HttpDriver(app.uri());
            Accounts.SignedIn ada = Accounts.signUpAndIn(api);
            assertThat(api.get("/v1/sessions/me").bearer(ada.token()).send().status()).isEqualTo(200);
            assertThat(app.stop()).isTrue();
            assertLogs(Files.readAllLines(log), ada);
        }
    }

    private static void assertLogs(List<String> log, Accounts.SignedIn ada) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : log) {
            if (!line.isBlank()) {
                JsonNode parsed = json.readTree(line);
                assertThat(parsed.isObject()).as(line).isTrue();
                lines.add(parsed);
            }
        }
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("loggerName").asText()).isEqualTo("strata.access");
            assertThat(line.toString()).contains("/v1/sessions/me").contains(ada.id());
        });
        assertThat(lines).anySatisfy(line -> assertThat(line.path("formattedMessage").asText()).contains("Strata stopped"));
        String everything = String.join("\n", log);
        assertThat(everything).doesNotContain(Accounts.PASSWORD).doesNotContain(ada.token()).doesNotContain("Bearer");
    }
}
