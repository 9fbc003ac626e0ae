package dev.strata.app;

import dev.strata.adapters.rest.testing.HttpDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The whole app, started in the test's JVM the way {@link Main} starts it, on free ports: the API,
 * the admin port and a database given by URL.
 */
final class RunningApp implements AutoCloseable {

    final StrataServer server;
    final HttpDriver api;
    final HttpDriver admin;

    private RunningApp(StrataServer server) {
        this.server = server;
        this.api = new HttpDriver(server.uri());
        this.admin = new HttpDriver(URI.create("http://127.0.0.1:" + server.adminPort()));
    }

    static Settings settings(String databaseUrl) {
        return settings(databaseUrl, 4);
    }

    static Settings settings(String databaseUrl, int poolSize) {
        Path data;
        try {
            data = Files.createTempDirectory("strata-app-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Settings("127.0.0.1", 0, data, Optional.of(databaseUrl), Optional.empty(), Optional.empty(), poolSize,
                Duration.ofSeconds(5), Duration.ofDays(1), Optional.empty(), Duration.ofSeconds(10), 1024 * 1024, 0,
                Duration.ofSeconds(30), Optional.empty(), Optional.empty(), List.of(), Duration.ZERO);
    }

    static RunningApp start(Settings settings) {
        Logging.routeJavaUtilLogging();
        return new RunningApp(StrataServer.start(settings));
    }

    @Override
    public void close() {
        server.close();
    }
}
