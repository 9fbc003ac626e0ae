package dev.strata.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Run by the build right after it packages the jar ({@code mvn package}): starts the jar once as the
 * README's run command does, on a fresh data folder, sends it a sign-up, a sign-in, a few reads and
 * a GraphQL query, and stops it. The run command's {@code -XX:+AutoCreateSharedArchive
 * -XX:SharedArchiveFile=app/target/strata-app.jsa} makes that first run write the JVM's class-data
 * sharing archive of the classes it loaded when it exits, so that even a new user's first start
 * maps them ready-parsed and verified instead of loading them from the jar. A later JDK or jar makes
 * the JVM write the archive again on its own; a failure here only costs that first start its speed,
 * so it is reported and does not fail the build.
 */
public final class ClassArchiveTraining {

    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    private ClassArchiveTraining() {
    }

    /** Trains the archive named in the README's run command; arguments: none. */
    public static void main(String[] args) throws Exception {
        Path archive = archive(ShippedLaunch.jvmOptions());
        Files.deleteIfExists(archive);
        Path folder = Files.createTempDirectory("strata-class-archive");
        try {
            train(folder);
            if (Files.isRegularFile(archive)) {
                System.out.printf("[class archive] %s: %d MiB%n", archive, Files.size(archive) >> 20);
            } else {
                System.out.printf("[class archive] WARNING: this JDK wrote no %s; the app's first start writes it%n",
                        archive);
            }
        } catch (Exception | AssertionError e) {
            System.out.println("[class archive] WARNING: training run failed; the app's first start writes the "
                    + "archive instead: " + e);
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    static Path archive(List<String> jvmOptions) {
        return jvmOptions.stream().filter(option -> option.startsWith("-XX:SharedArchiveFile="))
                .map(option -> Path.of(option.substring("-XX:SharedArchiveFile=".length()))).findFirst()
                .orElseThrow(() -> new AssertionError("the README's run command names no -XX:SharedArchiveFile"));
    }

    private static void train(Path folder) throws Exception {
        // gRPC on, as by default, so that its server's classes are in the archive too.
        Map<String, String> settings = Map.of("STRATA_GRPC_PORT", Integer.toString(PackagedApp.freePort()),
                "STRATA_RATE_LIMIT_ENABLED", "false");
        HttpClient client = HttpClient.newHttpClient();
        try (PackagedApp app = PackagedApp.start(folder.resolve("data"), folder.resolve("app.log"), settings)) {
            String account = "{\"email\":\"training@example.com\",\"password\":\"correct horse battery staple\"";
            send(client, app, "POST", "/v1/accounts", account + ",\"display_name\":\"Training\"}", null);
            HttpResponse<String> signIn = send(client, app, "POST", "/v1/sessions", account + "}", null);
            Matcher token = TOKEN.matcher(signIn.body());
            if (!token.find()) {
                throw new AssertionError("no token in " + signIn.body());
            }
            for (int i = 0; i < 20; i++) {
                send(client, app, "GET", "/v1/sessions/me", null, token.group(1));
                send(client, app, "GET", "/v1", null, token.group(1));
                send(client, app, "GET", "/v1/orders", null, token.group(1));
                send(client, app, "POST", "/graphql", "{\"query\":\"{ viewer { account { id } } }\"}", token.group(1));
            }
            // The JVM writes the archive as it exits: seconds, minutes on a busy machine.
            if (!app.stop(Duration.ofMinutes(10)) || app.exitValue() != 0) {
                throw new AssertionError("the app did not stop cleanly:\n" + app.output());
            }
        }
    }

    private static HttpResponse<String> send(HttpClient client, PackagedApp app, String method, String path,
            String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.uri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
