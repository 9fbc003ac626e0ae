package dev.strata.adapters.common;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AccessLogTest {

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger access = (Logger) LoggerFactory.getLogger("strata.access");

    @BeforeEach
    void capture() {
        lines.start();
        access.addAppender(lines);
        access.setLevel(Level.INFO);
    }

    @AfterEach
    void release() {
        access.detachAppender(lines);
    }

    @Test
    void aRestCallIsOneLineWithTheFieldsRestAlwaysLogged() {
        AccessLog.log(new AccessLog.Entry("rest", "GET", "/v1/accounts/acct_1", "/v1/accounts/{id}", "200",
                Duration.ofNanos(12_340_000), 321, "req-1", Optional.of("acct_1"), Optional.empty(),
                Optional.of("key 42")));

        ILoggingEvent line = only();
        assertThat(line.getLevel()).isEqualTo(Level.INFO);
        assertThat(line.getFormattedMessage()).isEqualTo(
                "GET /v1/accounts/acct_1 /v1/accounts/{id} 200 12.3ms 321B request_id=req-1 account_id=acct_1"
                        + " idempotency_key=\"key 42\"");
        assertThat(pairs(line)).containsExactly(Map.entry("api", "rest"), Map.entry("method", "GET"),
                Map.entry("route", "/v1/accounts/{id}"), Map.entry("path", "/v1/accounts/acct_1"),
                Map.entry("status", 200), Map.entry("duration_ms", "12.3"), Map.entry("bytes", 321L),
                Map.entry("request_id", "req-1"), Map.entry("account_id", "acct_1"),
                Map.entry("idempotency_key", "key 42"));
    }

    @Test
    void anAnonymousCallWithoutKeyHasNeitherFieldAndAnotherStyleItsOwnStatusAndClient() {
        AccessLog.log(new AccessLog.Entry("grpc", "RPC", "strata.v1.Orders/GetOrder", "GetOrder", "NOT_FOUND",
                Duration.ofMillis(2), 0, "req_abc", Optional.empty(), Optional.of("192.0.2.1"), Optional.empty()));

        ILoggingEvent line = only();
        assertThat(line.getFormattedMessage()).isEqualTo(
                "RPC strata.v1.Orders/GetOrder GetOrder NOT_FOUND 2.0ms 0B request_id=req_abc client=192.0.2.1");
        assertThat(pairs(line)).containsEntry("api", "grpc").containsEntry("status", "NOT_FOUND")
                .containsEntry("client", "192.0.2.1").doesNotContainKeys("account_id", "idempotency_key");
    }

    @Test
    void clientChosenValuesAreEscapedSoTheyCannotForgeFieldsOrCarryControls() {
        AccessLog.log(new AccessLog.Entry("rest", "GET", "/a b\u009b2J", "unmatched", "404", Duration.ZERO, 0,
                "id status=500", Optional.empty(), Optional.empty(), Optional.of("k\" status=500 x=\"\\\n")));

        String message = only().getFormattedMessage();
        assertThat(message).isEqualTo("GET /a\\u0020b\\u009b2J unmatched 404 0.0ms 0B request_id=id\\u0020status=500"
                + " idempotency_key=\"k\\u0022 status=500 x=\\u0022\\u005c\\u000a\"");
        assertThat(message).matches("[ -~]*");
        assertThat(pairs(only()).values()).allSatisfy(value -> assertThat(String.valueOf(value)).matches("[!-~ ]*"));
    }

    @Test
    void aLongIdempotencyKeyIsCut() {
        AccessLog.log(new AccessLog.Entry("graphql", "mutation", "/graphql", "createOrder", "200", Duration.ZERO, 10,
                "r", Optional.empty(), Optional.empty(), Optional.of("k".repeat(1_000))));

        assertThat(pairs(only()).get("idempotency_key")).isEqualTo("k".repeat(AccessLog.MAX_LOGGED_KEY));
    }

    private ILoggingEvent only() {
        assertThat(lines.list).hasSize(1);
        return lines.list.getFirst();
    }

    private static Map<String, Object> pairs(ILoggingEvent line) {
        Map<String, Object> pairs = new LinkedHashMap<>();
        line.getKeyValuePairs().forEach(pair -> pairs.put(pair.key, pair.value));
        return pairs;
    }

    @Test
    void theDurationHasOneDecimalRoundedHalfUpAsTheFormatterWroteIt() {
        assertThat(AccessLog.millis(Duration.ZERO)).isEqualTo("0.0");
        assertThat(AccessLog.millis(Duration.ofNanos(49_999))).isEqualTo("0.0");
        assertThat(AccessLog.millis(Duration.ofNanos(50_000))).isEqualTo("0.1");
        assertThat(AccessLog.millis(Duration.ofNanos(12_340_000))).isEqualTo("12.3");
        assertThat(AccessLog.millis(Duration.ofNanos(12_350_000))).isEqualTo("12.4");
        assertThat(AccessLog.millis(Duration.ofSeconds(90))).isEqualTo("90000.0");
        SplittableRandom random = new java.util.SplittableRandom(16);
        for (int i = 0; i < 100_000; i++) {
            long nanos = i < 50_000 ? i * 997L : random.nextLong(0, 3_600_000_000_000L);
            assertThat(AccessLog.millis(Duration.ofNanos(nanos))).as("%d ns", nanos)
                    .isEqualTo(String.format(Locale.ROOT, "%.1f", nanos / 1_000_000.0));
        }
    }
}
