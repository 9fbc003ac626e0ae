package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.rest.testing.HostileRequests;
import dev.strata.adapters.rest.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated hostile requests of {@link HostileRequests}, as raw bytes, against the packaged
 * jar's API port and admin port: every answer is a problem with a {@code Request-Id} (or, where no
 * request ever began, a closed connection), never a 5xx, HTML or a stack trace. The app runs with a
 * public URL and trusts the test's own address as a proxy, the worst case for a forged host: the
 * public URL must still win.
 */
class HostileRequestsIT {

    private static final String PUBLIC_URL = "https://api.example.com/strata";

    @TempDir
    static Path folder;

    private static PackagedApp app;

    @BeforeAll
    static void start() throws Exception {
        app = PackagedApp.start(folder.resolve("data"), Files.createTempFile(folder, "app", ".log"),
                Map.of("STRATA_PUBLIC_URL", PUBLIC_URL, "STRATA_TRUSTED_PROXIES", "127.0.0.1,::1"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static List<HostileRequests.Case> cases() {
        return HostileRequests.all();
    }

    @ParameterizedTest(name = "API port: {0}")
    @MethodSource("cases")
    void theApiPortAnswersEveryHostileRequestWithAProblem(HostileRequests.Case request) throws Exception {
        HostileRequests.assertCleanAnswer(request, RawHttp.exchange("127.0.0.1", app.port(), request.bytes()));
    }

    @ParameterizedTest(name = "admin port: {0}")
    @MethodSource("cases")
    void theAdminPortAnswersEveryHostileRequestWithAProblem(HostileRequests.Case request) throws Exception {
        HostileRequests.assertCleanAnswer(request, RawHttp.exchange("127.0.0.1", app.adminPort(), request.bytes()));
    }

    @Test
    void aForgedHostAndForwardedHeadersNeverReachTheLocationOfASignUp() throws Exception {
        String body = "{\"email\":\"host-test@example.com\",\"password\":\"correct horse battery staple\","
                + "\"display_name\":\"Ada\"}";
        String request = "POST /v1/accounts HTTP/1.1\r\nHost: evil.example\r\nForwarded: host=evil.example;proto=http\r\n"
                + "X-Forwarded-Host: evil.example\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body;

        RawHttp.Answer answer = RawHttp.exchange("127.0.0.1", app.port(), request.getBytes(StandardCharsets.US_ASCII));

        assertThat(answer.response()).isPresent();
        assertThat(answer.response().get().status()).as(answer.raw()).isEqualTo(201);
        assertThat(answer.response().get().header("Location")).hasValueSatisfying(
                location -> assertThat(location).startsWith(PUBLIC_URL + "/v1/accounts/acct_"));
        assertThat(answer.raw()).doesNotContain("evil.example");
    }
}
