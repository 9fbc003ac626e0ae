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
 * Run by the build right after it packages the jar ({@code mvn package}): starts the jar once with
 * the build's JVM options ({@code app/target/strata.jvm-options}, see {@link ShippedLaunch}), on a
 * fresh data folder, sends it a sign-up, a sign-in, a few reads and a GraphQL query, and stops it.
 * Built on JDK 25 or newer, the options name an AOT cache ({@code -XX:AOTCache=app/target/strata-app.aot}):
 * this run is started with {@code -XX:AOTCacheOutput} instead, so that the JVM records what it loaded,
 * linked and profiled and, as it exits, assembles the cache. On an older JDK they name a dynamic
 * class-data sharing archive ({@code -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=app/target/strata-app.jsa}),
 * which this first run writes as it exits. Either way even a new user's first start maps the classes
 * ready-parsed and verified instead of loading them from the jar. A failure here only costs the
 * start its speed (the JVM starts without a cache it cannot use), so it is reported and does not
 * fail the build.
 */
public final class ClassArchiveTraining {

    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final String AOT_CACHE = "-XX:AOTCache=";
    private static final String SHARED_ARCHIVE = "-XX:SharedArchiveFile=";
    private static final String NO_PROFILE_REPLAY = "-XX:-AOTReplayTraining";

    private ClassArchiveTraining() {
    }

    /** Trains the AOT cache or class-data archive the build's JVM options name; arguments: none. */
    public static void main(String[] args) throws Exception {
        List<String> shipped = ShippedLaunch.jvmOptions();
        Path archive = archive(shipped);
        Files.deleteIfExists(archive);
        Path folder = Files.createTempDirectory("strata-class-archive");
        try {
            train(folder, trainingOptions(shipped));
            if (Files.isRegularFile(archive)) {
                System.out.printf("[class archive] %s: %d MiB%n", archive, Files.size(archive) >> 20);
            } else {
                System.out.printf("[class archive] WARNING: this JDK wrote no %s; the app starts without it%n",
                        archive);
            }
        } catch (Exception | AssertionError e) {
            System.out.println("[class archive] WARNING: training run failed; the app starts without " + archive
                    + ": " + e);
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    /** The AOT cache or class-data archive that {@code jvmOptions} name. */
    static Path archive(List<String> jvmOptions) {
        return jvmOptions.stream().filter(option -> option.startsWith(AOT_CACHE) || option.startsWith(SHARED_ARCHIVE))
                .map(option -> Path.of(option.substring(option.indexOf('=') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("the build's JVM options name neither " + AOT_CACHE + " nor "
                        + SHARED_ARCHIVE + ": " + jvmOptions));
    }

    /**
     * The options of the run that writes what {@code jvmOptions} read: an AOT cache is written with
     * AOTCacheOutput, and without {@value #NO_PROFILE_REPLAY}, which only the app's runs take: given to the
     * run that assembles the cache, it leaves the training run's method profiles out of it (a cache 5 MiB
     * smaller), and the app, which does not replay them, ran 4% faster with a cache that has them than
     * with one trained without them (docs/BENCHMARKS.md, round 8).
     */
    static List<String> trainingOptions(List<String> jvmOptions) {
        return jvmOptions.stream().filter(option -> !option.equals(NO_PROFILE_REPLAY))
                .map(option -> option.startsWith(AOT_CACHE)
                        ? "-XX:AOTCacheOutput=" + option.substring(AOT_CACHE.length()) : option).toList();
    }

    private static void train(Path folder, List<String> jvmOptions) throws Exception {
        // gRPC on, as by default, so that its server's classes are in the archive too.
        Map<String, String> settings = Map.of("STRATA_GRPC_PORT", Integer.toString(PackagedApp.freePort()),
                "STRATA_RATE_LIMIT_ENABLED", "false");
        HttpClient client = HttpClient.newHttpClient();
        try (PackagedApp app = PackagedApp.start(folder.resolve("data"), folder.resolve("app.log"), settings,
                jvmOptions)) {
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
            // The JVM writes the archive (or assembles the AOT cache) as it exits: seconds, minutes on a busy machine.
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
