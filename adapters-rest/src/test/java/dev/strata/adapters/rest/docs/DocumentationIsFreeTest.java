package dev.strata.adapters.rest.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.common.RateLimits;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestApi;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reading the document and the docs page costs nothing against a rate limit, however often. */
class DocumentationIsFreeTest {

    @RegisterExtension
    static final TestApi api = new TestApi(builder -> builder.rateLimits(new RateLimits(
            new RateLimits.Budget(2, Duration.ofMinutes(1)), new RateLimits.Budget(1, Duration.ofHours(1)))));

    @Test
    void theDocumentAndThePageAreNeverCharged() {
        for (int request = 0; request < 5; request++) {
            HttpResult json = api.http.get("/v1/openapi.json").send();
            HttpResult yaml = api.http.get("/v1/openapi.yaml").send();
            HttpResult page = api.http.get("/docs").header("Accept", "text/html").send();

            assertThat(json.status()).isEqualTo(200);
            assertThat(yaml.status()).isEqualTo(200);
            assertThat(page.status()).isEqualTo(200);
            assertThat(json.header("RateLimit-Remaining")).isEmpty();
        }
        assertThat(api.http.get("/v1").send().header("RateLimit-Remaining")).contains("1");
    }
}
