package dev.strata.adapters.rest.grizzly;

import dev.strata.adapters.rest.testing.HostileRequests;
import dev.strata.adapters.rest.testing.RawHttp;
import dev.strata.adapters.rest.testing.TestApi;
import java.util.List;
import org.glassfish.grizzly.http.server.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated hostile request ({@link HostileRequests}) against the API served in-process by
 * the same transport as the app, and against a bare server of that transport (what the admin port
 * runs on): a problem with a {@code Request-Id}, never a 5xx, HTML or a trace.
 */
class HostileRequestsTest {

    @RegisterExtension
    static final TestApi api = new TestApi();

    private static HttpServer bare;

    @BeforeAll
    static void startBare() throws Exception {
        bare = GrizzlyServers.createBare("127.0.0.1", 0, GrizzlyServers.Options.DEFAULT);
        bare.start();
    }

    @AfterAll
    static void stopBare() {
        bare.shutdownNow();
    }

    static List<HostileRequests.Case> cases() {
        return HostileRequests.all();
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
