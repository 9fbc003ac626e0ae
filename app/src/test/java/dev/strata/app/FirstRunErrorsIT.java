package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.persistence.postgres.TestDatabases;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged app's first run when a setting is wrong: it exits with status 1 and one line on
 * stderr naming the setting to change, no stack trace anywhere, and nothing written to the data
 * folder.
 */
class FirstRunErrorsIT {

    @TempDir
    Path work;

    @Test
    void aBusyApiPortNamesStrataPortAndCreatesNothing() throws Exception {
        try (ServerSocket taken = listening()) {
            int port = taken.getLocalPort();

            Run run = run(Map.of("STRATA_PORT", Integer.toString(port), "STRATA_ADMIN_PORT", Integer.toString(freePort())));

            run.assertFailedWith("port " + port + " is in use: set STRATA_PORT (or --port) to a free port");
        }
    }

    @Test
    void aBusyAdminPortNamesStrataAdminPortAndCreatesNothing() throws Exception {
        try (ServerSocket taken = listening()) {
            int port = taken.getLocalPort();

            Run run = run(Map.of("STRATA_PORT", Integer.toString(freePort()), "STRATA_ADMIN_PORT", Integer.toString(port)));

            run.assertFailedWith("port " + port + " is in use: set STRATA_ADMIN_PORT (or --admin-port) to a free port");
        }
    }

    @Test
    void aPostgresDatabaseThatDoesNotExistSaysHowToCreateIt() throws Exception {
        String existing = TestDatabases.postgresSettings().url();
        String missing = "strata_missing_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String url = existing.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + missing);
        String hostAndPort = existing.replaceFirst("jdbc:postgresql://([^/]+)/.*", "$1");
        String host = hostAndPort.substring(0, hostAndPort.lastIndexOf(':'));
        String port = hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1);

        Run run = run(Map.of("STRATA_PORT", "0", "STRATA_ADMIN_PORT", "0", "STRATA_DB_URL", url));

        run.assertFailedWith("database '" + missing + "' does not exist: create it with createdb -h " + host + " -p "
                + port + " -U postgres " + missing + " (or set STRATA_DB_URL to an existing one)");
    }

    @Test
    void anUnreachableDatabaseNamesStrataDbUrl() throws Exception {
        int nobodyListens = freePort();

        Run run = run(Map.of("STRATA_PORT", "0", "STRATA_ADMIN_PORT", "0",
                "STRATA_DB_URL", "jdbc:postgresql://127.0.0.1:" + nobodyListens + "/strata?user=strata&connectTimeout=5"));

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.stderr).hasSize(1);
        assertThat(run.stderr.get(0)).startsWith("cannot reach the database at 127.0.0.1:" + nobodyListens + "/strata (")
                .endsWith("): check STRATA_DB_URL (or --db-url) and that PostgreSQL is running there");
        run.assertNoStackTraceAndNoData();
    }

    private Run run(Map<String, String> settings) throws Exception {
        Path data = work.resolve("data");
        Path stdout = work.resolve("stdout.log");
        Path stderr = work.resolve("stderr.log");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ShippedLaunch.jvmOptions());
        command.addAll(List.of("-jar", System.getProperty("strata.app.jar")));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("STRATA_"));
        builder.environment().put("STRATA_HOST", "127.0.0.1");
        builder.environment().put("STRATA_DATA_DIR", data.toString());
        builder.environment().putAll(settings);
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the app did not exit:\n" + Files.readString(stdout));
        }
        return new Run(process.exitValue(), Files.readAllLines(stderr), Files.readString(stdout), data);
    }

    private record Run(int exitCode, List<String> stderr, String stdout, Path data) {

        void assertFailedWith(String line) {
            assertThat(exitCode).as("exit status; stdout:%n%s", stdout).isEqualTo(1);
            assertThat(stderr).as("stderr").containsExactly(line);
            assertNoStackTraceAndNoData();
        }

        void assertNoStackTraceAndNoData() {
            assertThat(stdout).as("stdout").doesNotContain("\tat ", "Exception");
            assertThat(data).as("the data folder").doesNotExist();
        }
    }

    private static ServerSocket listening() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = listening()) {
            return socket.getLocalPort();
        }
    }
}
