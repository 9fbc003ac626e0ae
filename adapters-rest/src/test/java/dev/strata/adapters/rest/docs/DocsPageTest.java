package dev.strata.adapters.rest.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The /docs page is served by the app itself, from the webjar, and loads nothing from elsewhere. */
class DocsPageTest {

    @RegisterExtension
    static final TestApi api = new TestApi();

    @Test
    void thePageIsHtmlThatLoadsOnlyThisServersFiles() {
        HttpResult page = api.http.get("/docs").header("Accept", "text/html").send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("/docs/swagger-ui-bundle.js", "/docs/strata-initializer.js")
                .doesNotContain("http://", "https://");
    }

    @Test
    void theInitializerPointsAtTheServedDocument() {
        HttpResult initializer = api.http.get("/docs/strata-initializer.js").send();

        assertThat(initializer.status()).isEqualTo(200);
        assertThat(initializer.contentType()).startsWith("text/javascript");
        assertThat(initializer.body()).contains("/v1/openapi.json").doesNotContain("petstore");
    }

    @Test
    void theSwaggerUiFilesComeFromTheWebjar() {
        HttpResult bundle = api.http.get("/docs/swagger-ui-bundle.js").send();
        HttpResult styles = api.http.get("/docs/swagger-ui.css").send();

        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.body().length()).isGreaterThan(100_000);
        assertThat(styles.contentType()).startsWith("text/css");
    }

    @Test
    void nothingElseOnTheClassPathCanBeReached() {
        assertThat(api.http.get("/docs/index.html").send().status()).isEqualTo(404);
        assertThat(api.http.get("/docs/..%2F..%2Flogback-test.xml").send().status()).isEqualTo(404);
        assertThat(api.http.get("/docs/pom.properties").send().status()).isEqualTo(404);
    }
}
