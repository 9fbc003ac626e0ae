package dev.strata.adapters.rest.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.strata.adapters.persistence.memory.identity.InMemoryIdentityStore;
import dev.strata.adapters.rest.StrataApi;
import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.HttpDriver;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestServer;
import dev.strata.core.common.MutableClock;
import dev.strata.core.identity.IdentityFixtures;
import dev.strata.core.identity.IdentityService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
        HttpResult failed = http.get("/test/failure").header("Request-Id", "trace-me-500").send();

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
                " 200 ", "account_id=" + ada.id(), "idempotency_key=key-42");
        assertThat(line.getKeyValuePairs()).anySatisfy(pair -> {
            assertThat(pair.key).isEqualTo("bytes");
            assertThat((Long) pair.value).isPositive();
        });
        assertThat(LOGS.list).noneSatisfy(event -> assertThat(event.getFormattedMessage())
                .containsAnyOf(Accounts.PASSWORD, ada.token(), "Bearer"));
    }
}
