package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged app as a user would: {@code java -jar strata-app.jar} on a free port with a
 * fresh data folder, the README's walkthrough (its very curl commands) against it, a stop with
 * SIGTERM, a start on the same folder, and a sign-in that proves the account survived.
 */
class AppEndToEndIT {

    private static final Pattern FENCED_BASH = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    private static final String SIGN_IN = "curl -s -o /dev/null -w '%{http_code}' -X POST "
            + "http://localhost:8080/v1/sessions -H 'Content-Type: application/json' "
            + "-d '{\"email\":\"ada@example.com\",\"password\":\"correct horse battery staple\"}'";

    @TempDir
    Path dataDirectory;

    @Test
    void theReadmeWalkthroughWorksAndTheAccountSurvivesARestart() throws Exception {
        String walkthrough = readmeBlock("walkthrough:identity");

        try (PackagedApp app = start()) {
            String output = bash(walkthrough, app.port());

            assertThat(output).containsSubsequence("HTTP/1.1 201", "\"email\":\"ada@example.com\"",
                    "HTTP/1.1 200", "\"display_name\":\"Ada Lovelace\"", "HTTP/1.1 204", "HTTP/1.1 401");
            assertThat(output).doesNotContain("HTTP/1.1 5");
            assertThat(app.stop()).as("the app ends after SIGTERM").isTrue();
            assertThat(app.output()).contains("Strata stopped");
        }

        try (PackagedApp again = start()) {
            assertThat(bash(SIGN_IN, again.port())).isEqualTo("201");
        }
    }

    @Test
    void theReadmePostsAndOrdersWalkthroughsWork() throws Exception {
        try (PackagedApp app = start()) {
            String posts = bash(readmeBlock("walkthrough:posts"), app.port());
            String orders = bash(readmeBlock("walkthrough:orders"), app.port());

            assertThat(posts).contains("Idempotent-Replayed: true", "\"not_the_author\"", "For the team only")
                    .doesNotContain("HTTP/1.1 5");
            assertThat(orders).containsIgnoringCase("Idempotent-Replayed: true")
                    .contains("\"version_mismatch\"", "\"order_already_cancelled\"", "\"cancelled\"")
                    .doesNotContain("HTTP/1.1 5");
        }
    }

    private PackagedApp start() throws Exception {
        return PackagedApp.start(dataDirectory.resolve("data"), Files.createTempFile(dataDirectory, "app", ".log"),
                Map.of());
    }

    /**
     * The fenced bash blocks between {@code <!-- name:start -->} and {@code <!-- name:end -->} in
     * README.md, joined into one script.
     */
    private static String readmeBlock(String name) throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("strata.readme", "../README.md")));
        int start = readme.indexOf("<!-- " + name + ":start -->");
        int end = readme.indexOf("<!-- " + name + ":end -->");
        assertThat(start).as("README marks the %s block", name).isNotNegative();
        StringBuilder script = new StringBuilder();
        Matcher blocks = FENCED_BASH.matcher(readme.substring(start, end));
        while (blocks.find()) {
            script.append(blocks.group(1)).append('\n');
        }
        assertThat(script).as("README's %s block has bash in it", name).isNotEmpty();
        return script.toString();
    }

    /** Runs a README snippet with bash, aimed at the app's port instead of 8080. */
    private static String bash(String script, int port) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c",
                script.replace("http://localhost:8080", "http://127.0.0.1:" + port))
                .redirectErrorStream(true)
                .start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(output).isZero();
        return output;
    }
}
