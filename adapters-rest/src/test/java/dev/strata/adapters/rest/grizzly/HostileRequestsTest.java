package dev.strata.adapters.rest.grizzly;

import dev.strata.adapters.rest.testing.HostileRequests;
import dev.strata.adapters.rest.testing.RawHttp;
import dev.strata.adapters.rest.testing.TestApi;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated hostile request ({@link HostileRequests}) against the API served in-process by
 * the same transport as the app: a problem with a {@code Request-Id}, never a 5xx, HTML or a trace.
 */
class HostileRequestsTest {

    @RegisterExtension
    static final TestApi api = new TestApi();

    static List<HostileRequests.Case> cases() {
        return HostileRequests.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyHostileRequestGetsACleanProblem(HostileRequests.Case request) throws Exception {
        RawHttp.Answer answer = RawHttp.exchange("127.0.0.1", api.server.uri().getPort(), request.bytes());
        HostileRequests.assertCleanAnswer(request, answer);
    }
}
