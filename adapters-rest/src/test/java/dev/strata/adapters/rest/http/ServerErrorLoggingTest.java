package dev.strata.adapters.rest.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.adapters.persistence.memory.identity.InMemoryIdentityStore;
import dev.strata.adapters.rest.StrataApi;
import dev.strata.adapters.rest.http.MediaTypes;
import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.HttpDriver;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.RawHttp;
import dev.strata.adapters.rest.testing.TestServer;
import dev.strata.contracts.MutableClock;
import dev.strata.contracts.identity.IdentityFixtures;
import dev.strata.core.identity.IdentityService;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What the logs hold: a 5xx with its stack trace and request id (the client sees only the id), one
 * access line per request, and never a password, token or Authorization header.
 */
class ServerErrorLoggingTest {

    /** A resource that fails, registered by this test only: no such endpoint ships. */
    @Path("/test/failure")
    public static final class FailingResource {

        @GET
        @ApiResponse(responseCode = "500", description = "Always: this endpoint exists to fail.",
                content = @Content(mediaType = MediaTypes.PROBLEM_JSON,
                        schema = @Schema(ref = "#/components/schemas/ProblemDetails")))
        public String fail() {
            throw new IllegalStateException("a bug deep inside");
        }
    }

    private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();
    private static TestServer server;
    private static HttpDriver http;

    @BeforeAll
    static void start() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ((Logger) LoggerFactory.getLogger("strata.access")).setLevel(Level.INFO);
        LOGS.start();
        root.addAppender(LOGS);
        IdentityService identity = new IdentityService(new InMemoryIdentityStore(), MutableClock.startingNow(),
                IdentityFixtures.FAST_HASHER, IdentityFixtures.newSigner());
        StrataApi api = StrataApi.builder(identity).build();
        api.register(new FailingResource());
        server = TestServer.start(api);
        http = new HttpDriver(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOGS);
        ((Logger) LoggerFactory.getLogger("strata.access")).setLevel(Level.WARN);
    }

    @Test
    void aServerErrorIsLoggedWithItsStackTraceAndRequestIdWhileTheClientSeesOnlyTheId() {
        // The failing resource is this test's own, no part of the API or its document.
        HttpResult failed = HttpDriver.outsideTheApi(server.uri()).get("/test/failure").header("Request-Id", "trace-me-500").send();

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.field("request_id")).isEqualTo("trace-me-500");
        assertThat(failed.body()).doesNotContain("a bug deep inside").doesNotContain("IllegalStateException");
        assertThat(LOGS.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).contains("trace-me-500");
            assertThat(event.getThrowableProxy()).isNotNull();
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("a bug deep inside");
        });
    }

    @Test
    void theAccessLogHasOneLinePerRequestWithRouteBytesAndAccountButNoSecret() {
        Accounts.SignedIn ada = Accounts.signUpAndIn(http);
        http.get("/v1/accounts/" + ada.id()).bearer(ada.token()).header("Request-Id", "access-line-1")
                .header("Idempotency-Key", "key-42").send();

        ILoggingEvent line = LOGS.list.stream()
                .filter(event -> event.getLoggerName().equals("strata.access"))
                .filter(event -> event.getFormattedMessage().contains("access-line-1"))
                .findFirst().orElseThrow();
        assertThat(line.getFormattedMessage()).contains("GET", "/v1/accounts/{id}", "/v1/accounts/" + ada.id(),
                " 200 ", "account_id=" + ada.id(), "idempotency_key=\"key-42\"");
        assertThat(line.getKeyValuePairs()).anySatisfy(pair -> {
            assertThat(pair.key).isEqualTo("bytes");
            assertThat((Long) pair.value).isPositive();
        });
        assertThat(LOGS.list).noneSatisfy(event -> assertThat(event.getFormattedMessage())
                .containsAnyOf(Accounts.PASSWORD, ada.token(), "Bearer"));
    }

    /** An access line whose every field is where it belongs: nothing a client sent can add or end one. */
    private static final Pattern ACCESS_LINE = Pattern.compile("[!-~]+ [!-~]+ [!-~]+ \\d{3} [0-9.]+ms \\d+B"
            + " request_id=[!-~]+( account_id=[!-~]+)?( idempotency_key=\"((?:[ -~&&[^\"\\\\]]|\\\\u[0-9a-f]{4})*)\")?");

    /** Idempotency keys (as bytes on the wire) that try to forge fields, break quoting or carry controls. */
    private static List<byte[]> hostileKeys() {
        List<byte[]> keys = new ArrayList<>();
        for (String ascii : List.of("k status=500 account_id=acct_forged", "k\" status=500 x=\"", "k\\\" a=b",
                "k\\u0041", "a=b", "k\tstatus=500", "\"\"", "k request_id=forged")) {
            keys.add(ascii.getBytes(StandardCharsets.ISO_8859_1));
        }
        for (int octet = 0x01; octet <= 0xFF; octet++) {
            if (octet != '\r' && octet != '\n') {
                keys.add(new byte[] {'a', (byte) octet, 'b'});
            }
        }
        keys.add(new byte[] {'k', (byte) 0xC2, (byte) 0x9B, '2', 'J'});
        return keys;
    }

    private static String unescaped(String escaped) {
        Matcher escapes = Pattern.compile("\\\\u([0-9a-f]{4})").matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (escapes.find()) {
            escapes.appendReplacement(out, Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(escapes.group(1), 16))));
        }
        return escapes.appendTail(out).toString();
    }

    @Test
    void clientChosenValuesInTheAccessLogAreEscapedSoTheyCannotForgeFieldsOrCarryControls() throws Exception {
        JsonEncoder json = new JsonEncoder();
        json.setContext(((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).getLoggerContext());
        json.start();
        ObjectMapper reader = new ObjectMapper();
        SoftAssertions softly = new SoftAssertions();
        int logged = 0;
        List<byte[]> keys = hostileKeys();
        for (int i = 0; i < keys.size(); i++) {
            String requestId = "hostile-log-" + i;
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(("GET /v1/openapi.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\nRequest-Id: "
                    + requestId + "\r\nIdempotency-Key: ").getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(keys.get(i));
            request.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            RawHttp.exchange("127.0.0.1", server.uri().getPort(), request.toByteArray());
            String sent = new String(keys.get(i), StandardCharsets.ISO_8859_1);
            List<ILoggingEvent> lines = LOGS.list.stream()
                    .filter(event -> event.getLoggerName().equals("strata.access"))
                    .filter(event -> event.getFormattedMessage().contains(" request_id=" + requestId + " ")
                            || event.getFormattedMessage().endsWith(" request_id=" + requestId))
                    .toList();
            for (ILoggingEvent line : lines) {
                logged++;
                String message = line.getFormattedMessage();
                Matcher fields = ACCESS_LINE.matcher(message);
                softly.assertThat(fields.matches()).as("%s -> %s", sent, message).isTrue();
                if (fields.matches() && fields.group(3) != null) {
                    softly.assertThat(unescaped(fields.group(3))).as(message).isEqualTo(sent.strip());
                }
                line.getKeyValuePairs().forEach(pair -> softly.assertThat(String.valueOf(pair.value)).as(message)
                        .matches("[ -~]*"));
                String encoded = new String(json.encode(line), StandardCharsets.UTF_8);
                softly.assertThat(encoded.strip()).as(encoded).matches("[ -~]*");
                JsonNode parsed = reader.readTree(encoded);
                softly.assertThat(parsed.isObject()).as(encoded).isTrue();
            }
        }
        softly.assertAll();
        assertThat(logged).isGreaterThan(keys.size() / 2);
    }
}
