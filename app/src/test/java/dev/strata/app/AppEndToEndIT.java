package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    private static final Pattern LISTENING = Pattern.compile("Strata API listening on http://[^:]+:(\\d+)");
    private static final String SIGN_IN = "curl -s -o /dev/null -w '%{http_code}' -X POST "
            + "http://localhost:8080/v1/sessions -H 'Content-Type: application/json' "
            + "-d '{\"email\":\"ada@example.com\",\"password\":\"correct horse battery staple\"}'";

    @TempDir
    Path dataDirectory;

    @Test
    void theReadmeWalkthroughWorksAndTheAccountSurvivesARestart() throws Exception {
        String walkthrough = readmeBlock("walkthrough:identity");

        try (RunningApp app = RunningApp.start(dataDirectory)) {
            String output = bash(walkthrough, app.port());

            assertThat(output).containsSubsequence("HTTP/1.1 201", "\"email\":\"ada@example.com\"",
                    "HTTP/1.1 200", "\"display_name\":\"Ada Lovelace\"", "HTTP/1.1 204", "HTTP/1.1 401");
            assertThat(output).doesNotContain("HTTP/1.1 5");
            assertThat(app.stop()).as("the app ends after SIGTERM").isTrue();
            assertThat(app.output()).anySatisfy(line -> assertThat(line).contains("Strata stopped"));
        }

        try (RunningApp again = RunningApp.start(dataDirectory)) {
            assertThat(bash(SIGN_IN, again.port())).isEqualTo("201");
        }
    }

    @Test
    void theReadmePostsAndOrdersWalkthroughsWork() throws Exception {
        try (RunningApp app = RunningApp.start(dataDirectory)) {
            String posts = bash(readmeBlock("walkthrough:posts"), app.port());
            String orders = bash(readmeBlock("walkthrough:orders"), app.port());

            assertThat(posts).contains("Idempotent-Replayed: true", "\"not_the_author\"", "For the team only")
                    .doesNotContain("HTTP/1.1 5");
            assertThat(orders).containsIgnoringCase("Idempotent-Replayed: true")
                    .contains("\"version_mismatch\"", "\"order_already_cancelled\"", "\"cancelled\"")
                    .doesNotContain("HTTP/1.1 5");
        }
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

    /**
     * The packaged app in its own process. Its output goes to a file rather than a pipe: the JDK
     * closes a child's pipe when the child exits, which can lose its last lines.
     */
    private static final class RunningApp implements AutoCloseable {

        private final Process process;
        private final Path log;
        private final int port;

        private RunningApp(Process process, Path log, int port) {
            this.process = process;
            this.log = log;
            this.port = port;
        }

        static RunningApp start(Path dataDirectory) throws Exception {
            String java = ProcessHandle.current().info().command().orElse("java");
            Path log = Files.createTempFile(dataDirectory.getParent(), "strata-app", ".log");
            ProcessBuilder builder = new ProcessBuilder(java, "-jar", System.getProperty("strata.app.jar"),
                    "--host", "127.0.0.1", "--port", "0", "--admin-port", "0", "--data-dir", dataDirectory.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(variable -> variable.startsWith("STRATA_"));
            Process process = builder.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && process.isAlive()) {
                Matcher listening = LISTENING.matcher(Files.readString(log));
                if (listening.find()) {
                    return new RunningApp(process, log, Integer.parseInt(listening.group(1)));
                }
                Thread.sleep(50);
            }
            process.destroyForcibly();
            throw new IllegalStateException("the app did not start listening: " + Files.readString(log));
        }

        int port() {
            return port;
        }

        List<String> output() throws IOException {
            return Files.readAllLines(log);
        }

        /** Sends SIGTERM and waits for the process to end; returns whether it did. */
        boolean stop() throws InterruptedException {
            process.destroy();
            return process.waitFor(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive() && !stop()) {
                process.destroyForcibly();
            }
        }
    }
}
