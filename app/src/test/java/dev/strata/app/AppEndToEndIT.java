package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged app as a user would: {@code java -jar strata-app.jar} on a free port with a
 * fresh data folder, the README's walkthroughs ({@code docs/walkthroughs/*.sh}, which the README
 * shows as they are) against it, each twice in a row, a stop with SIGTERM, a start on the same
 * folder, and a sign-in that proves the account survived.
 */
class AppEndToEndIT {

    private static final Pattern FENCED_BASH = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    private static final String EMAIL = "ada-" + UUID.randomUUID() + "@example.com";
    private static final String SIGN_IN = "curl -s -o /dev/null -w '%{http_code}' -X POST "
            + "\"$BASE/v1/sessions\" -H 'Content-Type: application/json' "
            + "-d '{\"email\":\"" + EMAIL + "\",\"password\":\"correct horse battery staple\"}'";

    @TempDir
    Path dataDirectory;

    @Test
    void theIdentityWalkthroughWorksTwiceAndTheAccountSurvivesARestart() throws Exception {
        try (PackagedApp app = start()) {
            String output = bash(walkthrough("identity"), app.port(), Map.of("EMAIL", EMAIL));
            String again = bash(walkthrough("identity"), app.port(), Map.of());

            for (String run : List.of(output, again)) {
                assertThat(run).containsSubsequence("HTTP/1.1 201", "\"email\":\"ada-", "HTTP/1.1 200",
                        "\"display_name\":\"Ada Lovelace\"", "HTTP/1.1 204", "HTTP/1.1 401");
                assertThat(run).doesNotContain("HTTP/1.1 5", "HTTP/1.1 409");
            }
            assertThat(app.stop()).as("the app ends after SIGTERM").isTrue();
            assertThat(app.output()).contains("Strata stopped");
        }

        try (PackagedApp again = start()) {
            assertThat(bash(SIGN_IN, again.port(), Map.of())).isEqualTo("201");
        }
    }

    @Test
    void thePostsAndOrdersWalkthroughsWorkTwiceInARow() throws Exception {
        try (PackagedApp app = start()) {
            for (int run = 1; run <= 2; run++) {
                String posts = bash(walkthrough("posts"), app.port(), Map.of());
                String orders = bash(walkthrough("orders"), app.port(), Map.of());

                assertThat(posts).as("run %d", run)
                        .contains("Idempotent-Replayed: true", "\"not_the_author\"", "For the team only")
                        .doesNotContain("HTTP/1.1 5");
                assertThat(posts.lines()).as("run %d: the posts of the last day, by q=TEAM", run).contains("1");
                assertThat(orders).as("run %d", run).containsIgnoringCase("Idempotent-Replayed: true")
                        .contains("\"version_mismatch\"", "\"order_already_cancelled\"", "\"cancelled\"")
                        .doesNotContain("HTTP/1.1 5");
            }
        }
    }

    @Test
    void theReadmeShowsEachWalkthroughAsItIs() throws IOException {
        for (String name : List.of("identity", "posts", "orders")) {
            assertThat(readmeBlock("walkthrough:" + name)).as(name).isEqualTo(walkthrough(name));
        }
    }

    private PackagedApp start() throws Exception {
        return PackagedApp.start(dataDirectory.resolve("data"), Files.createTempFile(dataDirectory, "app", ".log"),
                Map.of());
    }

    /** The script {@code docs/walkthroughs/<name>.sh}. */
    private static String walkthrough(String name) throws IOException {
        Path readme = Path.of(System.getProperty("strata.readme", "../README.md"));
        return Files.readString(readme.resolveSibling("docs/walkthroughs/" + name + ".sh"));
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
            script.append(blocks.group(1));
        }
        assertThat(script).as("README's %s block has bash in it", name).isNotEmpty();
        return script.toString();
    }

    /** Runs a script with bash, with {@code BASE} set to the app's address and {@code environment} added. */
    private static String bash(String script, int port, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true);
        builder.environment().put("BASE", "http://127.0.0.1:" + port);
        builder.environment().remove("EMAIL");
        builder.environment().putAll(environment);
        Process bash = builder.start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(output).isZero();
        return output;
    }
}
