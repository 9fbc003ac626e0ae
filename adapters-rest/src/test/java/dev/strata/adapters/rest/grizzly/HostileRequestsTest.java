package dev.strata.adapters.rest.grizzly;

import dev.strata.adapters.rest.testing.HostileRequests;
import dev.strata.adapters.rest.testing.RawHttp;
import dev.strata.adapters.rest.testing.TestApi;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.server.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated hostile request ({@link HostileRequests}) against the API served in-process by
 * the same transport as the app, and against a bare server of that transport (what the admin port
 * runs on): a problem with a {@code Request-Id}, never a 5xx, HTML or a trace, and no warning
 * with a stack trace in the server's log: client input is not the server's fault.
 */
class HostileRequestsTest {

    @RegisterExtension
    static final TestApi api = new TestApi();

    private static HttpServer bare;

    @BeforeAll
    static void startBare() throws Exception {
        bare = GrizzlyServers.createBare("127.0.0.1", 0, GrizzlyServers.Options.DEFAULT, Map.of());
        bare.start();
    }

    @AfterAll
    static void stopBare() {
        bare.shutdownNow();
    }

    static List<HostileRequests.Case> cases() {
        return HostileRequests.all();
    }

    /** What Grizzly logs at WARNING or above with a throwable, while the test sends hostile requests. */
    private static final class Warnings extends Handler {

        final List<LogRecord> records = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue() && record.getThrown() != null) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void noHostileRequestMakesTheTransportLogAWarningWithAStackTrace() throws Exception {
        Logger grizzly = Logger.getLogger("org.glassfish.grizzly");
        Warnings warnings = new Warnings();
        grizzly.addHandler(warnings);
        try {
            for (HostileRequests.Case request : HostileRequests.all()) {
                RawHttp.exchange("127.0.0.1", api.server.uri().getPort(), request.bytes());
                RawHttp.exchange("127.0.0.1", GrizzlyServers.port(bare), request.bytes());
            }
        } finally {
            grizzly.removeHandler(warnings);
        }
        assertThat(warnings.records).extracting(record -> record.getLoggerName() + ": " + record.getMessage() + " "
                + record.getThrown()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyHostileRequestGetsACleanProblem(HostileRequests.Case request) throws Exception {
        RawHttp.Answer answer = RawHttp.exchange("127.0.0.1", api.server.uri().getPort(), request.bytes());
        HostileRequests.assertCleanAnswer(request, answer);
    }

    @ParameterizedTest(name = "bare server: {0}")
    @MethodSource("cases")
    void aBareServerOfTheSameTransportAnswersThemWithProblemsToo(HostileRequests.Case request) throws Exception {
        RawHttp.Answer answer = RawHttp.exchange("127.0.0.1", GrizzlyServers.port(bare), request.bytes());
        HostileRequests.assertCleanAnswer(request, answer);
    }
}
