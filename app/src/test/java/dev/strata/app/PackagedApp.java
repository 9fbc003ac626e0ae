package dev.strata.app;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The packaged jar ({@code java -jar strata-app.jar}) in its own process, as an operator runs it:
 * with the JVM options of the README's run command ({@link ShippedLaunch}),
 * configured only through {@code STRATA_*} variables (none inherited from the test's
 * environment), on free loopback ports, and considered started once {@code /health/ready} answers
 * 200. Its output goes to a file rather than a pipe: the JDK closes a child's pipe when the child
 * exits, which can lose its last lines.
 */
final class PackagedApp implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    /** Starts on fresh ports when a chosen one was taken meanwhile; the last attempt reports the exit. */
    private static final int PORT_ATTEMPTS = 3;
    private static final HttpClient ADMIN_CLIENT = HttpClient.newHttpClient();

    private final Process process;
    private final Path log;
    private final int port;
    private final int adminPort;

    private PackagedApp(Process process, Path log, int port, int adminPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.adminPort = adminPort;
    }

    /**
     * Starts the jar with its data folder {@code dataDirectory}, writing its output to
     * {@code log}, with {@code settings} added to the host, ports and data folder it is given.
     */
    static PackagedApp start(Path dataDirectory, Path log, Map<String, String> settings) throws Exception {
        return start(dataDirectory, log, settings, ShippedLaunch.jvmOptions());
    }

    /** As {@link #start(Path, Path, Map)}, with the JVM options {@code jvmOptions} instead of the shipped ones. */
    static PackagedApp start(Path dataDirectory, Path log, Map<String, String> settings, List<String> jvmOptions)
            throws Exception {
        // A port found free can be taken before the app binds it (by any outgoing connection: the kernel
        // gives those ports from the same range); the app then exits naming the port, and is started
        // again on two others. Only ports chosen here are retried, never one a test put in settings.
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            int adminPort = freePort();
            PackagedApp app = new PackagedApp(launch(dataDirectory, log, settings, jvmOptions, port, adminPort), log,
                    port, adminPort);
            if (app.awaitReady(attempt < PORT_ATTEMPTS ? Set.of(port, adminPort) : Set.of())) {
                return app;
            }
        }
    }

    private static Process launch(Path dataDirectory, Path log, Map<String, String> settings, List<String> jvmOptions,
            int port, int adminPort) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        // As shipped, the build's JVM options (heap, collector, AOT cache or class-data archive).
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", System.getProperty("strata.app.jar")));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(variable -> variable.startsWith("STRATA_"));
        environment.put("STRATA_HOST", "127.0.0.1");
        environment.put("STRATA_PORT", Integer.toString(port));
        environment.put("STRATA_ADMIN_PORT", Integer.toString(adminPort));
        environment.put("STRATA_DATA_DIR", dataDirectory.toString());
        // Tests that are not about the lame-duck delay need not wait for it.
        environment.put("STRATA_SHUTDOWN_DELAY", "0");
        // gRPC is off unless a test asks for it: its default port would clash between apps.
        environment.put("STRATA_GRPC_PORT", "0");
        environment.putAll(settings);
        return builder.start();
    }

    int port() {
        return port;
    }

    int adminPort() {
        return adminPort;
    }

    /** The status {@code GET /health/ready} answers now; an exception when the admin port does not answer. */
    int readiness() throws IOException, InterruptedException {
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/health/ready"))
                .timeout(Duration.ofSeconds(10)).build();
        return ADMIN_CLIENT.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Whether a connection to the API port is refused now (its listener is closed). */
    boolean apiRefusesConnections() throws IOException {
        try {
            new Socket(InetAddress.getLoopbackAddress(), port).close();
            return false;
        } catch (ConnectException refused) {
            return true;
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    List<String> outputLines() throws IOException {
        return Files.readAllLines(log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGTERM, as an operator's {@code kill} or a container runtime does. */
    void terminate() {
        process.destroy();
    }

    /** Sends SIGKILL, as a crash or the kernel's out-of-memory killer does, and waits for the end. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Sends SIGTERM and waits for the process to end; returns whether it did within 30 s. */
    boolean stop() throws InterruptedException {
        terminate();
        return process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Sends SIGTERM and waits for the process to end; returns whether it did within {@code timeout}. */
    boolean stop(Duration timeout) throws InterruptedException {
        terminate();
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for the process to end; returns whether it did within 30 s. */
    boolean awaitExit() throws InterruptedException {
        return process.waitFor(30, TimeUnit.SECONDS);
    }

    int exitValue() {
        return process.exitValue();
    }

    @Override
    public void close() {
        try {
            if (process.isAlive() && !stop()) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /**
     * Waits until the app answers ready: true; false when it exited because one of {@code retryablePorts}
     * was taken; an assertion error when it exited otherwise or never became ready.
     */
    private boolean awaitReady(Set<Integer> retryablePorts) throws Exception {
        try {
            Awaitility.await("the app answers ready").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .until(() -> !process.isAlive() || readinessOrZero() == 200);
        } catch (ConditionTimeoutException e) {
            process.destroyForcibly();
            throw new AssertionError("the app did not become ready:\n" + output(), e);
        }
        if (process.isAlive()) {
            return true;
        }
        String output = output();
        if (retryablePorts.stream().anyMatch(taken -> output.contains("port " + taken + " is in use"))) {
            return false;
        }
        throw new AssertionError("the app exited while starting:\n" + output);
    }

    private int readinessOrZero() throws InterruptedException {
        try {
            return readiness();
        } catch (IOException stillStarting) {
            return 0;
        }
    }

    /** A port free now, from the kernel's choice for port 0 (for settings where 0 means off, as gRPC's). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
