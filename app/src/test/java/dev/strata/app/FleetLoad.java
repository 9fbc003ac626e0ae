package dev.strata.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steady load of {@code deploy/fleet-test}: a few clients, each signed in as its own account,
 * alternating reads ({@code GET /v1/orders/{id}}) and idempotent writes ({@code POST /v1/orders}
 * with an {@code Idempotency-Key}) through the load balancer, paced and bounded in count. It reads
 * the phase it is in from a file the script writes ({@code warmup}, {@code rolling}, {@code kill},
 * {@code settle}, {@code stop}) and counts every outcome per phase. A failed request (a 5xx or no
 * answer) is retried by the client with the same key, as a well-behaved client does; the first
 * attempt still counts as failed.
 *
 * <p>At {@code stop} it prints the counts and checks: no 5xx and no connection error at all
 * outside the {@code kill} phase; in it, only failures whose retry succeeded; and every write that
 * was acknowledged (201) is there afterwards. Exit status 0 when all hold. Only the JDK, so that
 * the script runs it as a single source file: {@code java FleetLoad.java <base-url> <phase-file>}.
 */
public final class FleetLoad {

    private static final int CLIENTS = 4;
    private static final Duration PACE = Duration.ofMillis(40);
    private static final long MAX_REQUESTS = 40_000;
    private static final int MAX_ATTEMPTS = 5;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final String PASSWORD = "correct horse battery staple";
    private static final String ORDER = "{\"currency\":\"EUR\",\"items\":[{\"sku\":\"LOAD-1\",\"quantity\":1,"
            + "\"unit_price\":\"1.00\"}]}";

    private final URI base;
    private final Path phaseFile;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Map<String, AtomicLong>> counts = new ConcurrentHashMap<>();
    private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final AtomicLong sent = new AtomicLong();
    private volatile String phase = "warmup";

    private FleetLoad(URI base, Path phaseFile) {
        this.base = base;
        this.phaseFile = phaseFile;
    }

    public static void main(String[] arguments) throws Exception {
        if (arguments.length != 2) {
            System.err.println("usage: java FleetLoad.java <base-url> <phase-file>");
            System.exit(2);
        }
        // Below HAProxy's "timeout http-keep-alive" (10 s): the client drops an idle connection before
        // the proxy does, so no request is ever sent on a connection the proxy is closing.
        System.setProperty("jdk.httpclient.keepalive.timeout", "5");
        System.exit(new FleetLoad(URI.create(arguments[0]), Path.of(arguments[1])).run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        Thread.ofPlatform().daemon().name("phase").start(this::followPhase);
        List<String> tokens = new ArrayList<>();
        List<String> firstOrders = new ArrayList<>();
        for (int index = 0; index < CLIENTS; index++) {
            tokens.add(signUpAndIn());
            firstOrders.add(write(tokens.get(index), "seed-" + UUID.randomUUID()));
        }
        List<Thread> clients = new ArrayList<>();
        for (int index = 0; index < CLIENTS; index++) {
            String token = tokens.get(index);
            String firstOrder = firstOrders.get(index);
            clients.add(Thread.ofPlatform().name("load-" + index).start(() -> drive(token, firstOrder)));
        }
        // Tells the script that the load is running.
        Files.writeString(Path.of(phaseFile + ".ready"), "ready\n");
        for (Thread client : clients) {
            client.join();
        }
        return report();
    }

    private void drive(String token, String order) {
        long sequence = 0;
        while (!"stop".equals(phase) && sent.get() < MAX_REQUESTS) {
            if (sequence++ % 2 == 0) {
                read(token, order);
            } else {
                write(token, "load-" + UUID.randomUUID());
            }
            pause();
        }
    }

    private void read(String token, String order) {
        call("read", () -> HttpRequest.newBuilder(base.resolve("/v1/orders/" + order))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build());
    }

    /** Creates an order under {@code key}, retrying as long as needed; returns its id, or null if none came. */
    private String write(String token, String key) {
        String phaseAtStart = phase;
        HttpResponse<String> response = call("write", () -> HttpRequest.newBuilder(base.resolve("/v1/orders"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(ORDER)).build());
        if (response == null || response.statusCode() != 201) {
            return null;
        }
        String id = match(ID, response.body());
        acknowledged.add(new Acknowledged(token, id, phaseAtStart));
        return id;
    }

    /**
     * Sends the request until it gets an answer that is not a 5xx, at most {@value #MAX_ATTEMPTS}
     * times. Each attempt counts in the phase it ended in (a request that started before a SIGKILL
     * and failed because of it belongs to the kill); its retry's success counts in the phase of
     * the first failure.
     */
    private HttpResponse<String> call(String kind, RequestFactory request) {
        String phaseOfFirstFailure = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            sent.incrementAndGet();
            String outcome;
            String detail;
            HttpResponse<String> response = null;
            try {
                response = client.send(request.make(), HttpResponse.BodyHandlers.ofString());
                outcome = response.statusCode() >= 500 ? "5xx" : response.statusCode() >= 400 ? "4xx" : "ok";
                detail = response.statusCode() + " " + abbreviated(response.body());
            } catch (IOException failure) {
                outcome = "connection_error";
                detail = failure.toString();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return null;
            }
            String phaseAtEnd = phase;
            count(phaseAtEnd, kind + "_" + outcome);
            if (!outcome.equals("ok")) {
                System.out.println(Instant.now() + " fleet-load " + phaseAtEnd + ": " + kind + " attempt " + attempt
                        + ": " + detail);
            }
            if (!outcome.equals("5xx") && !outcome.equals("connection_error")) {
                if (phaseOfFirstFailure != null) {
                    count(phaseOfFirstFailure, kind + "_retried_and_succeeded");
                }
                return response;
            }
            if (phaseOfFirstFailure == null) {
                phaseOfFirstFailure = phaseAtEnd;
            }
            pause();
        }
        count(phaseOfFirstFailure, kind + "_failed_after_retries");
        return null;
    }

    private boolean report() {
        long missing = 0;
        for (Acknowledged write : acknowledged) {
            HttpResponse<String> response = call("verify", () -> HttpRequest.newBuilder(
                    base.resolve("/v1/orders/" + write.id())).header("Authorization", "Bearer " + write.token())
                    .timeout(Duration.ofSeconds(10)).GET().build());
            if (response == null || response.statusCode() != 200) {
                missing++;
            }
        }
        boolean passed = true;
        for (String name : List.of("warmup", "rolling", "kill", "settle")) {
            Map<String, Long> phaseCounts = counted(name);
            System.out.println("fleet-load " + name + ": " + phaseCounts);
            long errors = sum(phaseCounts, "_5xx") + sum(phaseCounts, "_connection_error");
            long unrecovered = sum(phaseCounts, "_failed_after_retries") + phaseCounts.getOrDefault("write_4xx", 0L)
                    + phaseCounts.getOrDefault("read_4xx", 0L);
            long retried = sum(phaseCounts, "_retried_and_succeeded");
            if (!name.equals("kill") && errors > 0) {
                System.out.println("FAIL: " + errors + " 5xx or connection errors during " + name);
                passed = false;
            }
            if (name.equals("kill") && errors > retried) {
                System.out.println("FAIL: " + errors + " failed requests during kill, only " + retried
                        + " retried and succeeded");
                passed = false;
            }
            if (unrecovered > 0) {
                System.out.println("FAIL: " + unrecovered + " requests failed for good during " + name);
                passed = false;
            }
            if (name.equals("rolling") && phaseCounts.getOrDefault("write_ok", 0L) == 0) {
                System.out.println("FAIL: no write succeeded during the rolling restart: no load was measured");
                passed = false;
            }
        }
        System.out.println("fleet-load acknowledged writes: " + acknowledged.size() + ", missing afterwards: "
                + missing + ", requests sent: " + sent.get());
        if (missing > 0) {
            System.out.println("FAIL: " + missing + " acknowledged writes are missing");
            passed = false;
        }
        System.out.println(passed ? "fleet-load PASSED" : "fleet-load FAILED");
        return passed;
    }

    private Map<String, Long> counted(String phaseName) {
        Map<String, Long> result = new TreeMap<>();
        counts.getOrDefault(phaseName, Map.of()).forEach((key, value) -> result.put(key, value.get()));
        return result;
    }

    private static long sum(Map<String, Long> phaseCounts, String suffix) {
        return phaseCounts.entrySet().stream().filter(entry -> entry.getKey().endsWith(suffix))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private void count(String phaseName, String outcome) {
        counts.computeIfAbsent(phaseName, unused -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, unused -> new AtomicLong()).incrementAndGet();
    }

    private String signUpAndIn() throws IOException, InterruptedException {
        String email = "load-" + UUID.randomUUID() + "@example.com";
        created("/v1/accounts", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"display_name\":\"Load\"}");
        return match(TOKEN, created("/v1/sessions", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\"}"));
    }

    /** POSTs {@code json} to {@code path} and returns the body of its 201; anything else ends the run. */
    private String created(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private void followPhase() {
        while (!"stop".equals(phase)) {
            try {
                String written = Files.exists(phaseFile) ? Files.readString(phaseFile).strip() : "";
                if (!written.isEmpty()) {
                    phase = written;
                }
                Thread.sleep(50);
            } catch (IOException | InterruptedException stopped) {
                phase = "stop";
            }
        }
    }

    private static String match(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + body);
        }
        return matcher.group(1);
    }

    private static String abbreviated(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= 160 ? flat : flat.substring(0, 160) + "...";
    }

    private static void pause() {
        try {
            // Pacing of a load generator, not a test's wait: it bounds the load on a shared machine.
            Thread.sleep(PACE);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Makes the request again for each attempt (a request's body publisher is used once). */
    @FunctionalInterface
    private interface RequestFactory {
        HttpRequest make();
    }

    private record Acknowledged(String token, String id, String phase) {
    }
}
