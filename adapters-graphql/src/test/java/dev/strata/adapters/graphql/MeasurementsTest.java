package dev.strata.adapters.graphql;

import static dev.strata.adapters.graphql.GraphqlWorld.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.common.ApiMetrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Every root field run is one call in the shared API metrics, and every sign-in is counted, as for REST. */
class MeasurementsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final GraphqlWorld world = new GraphqlWorld(builder -> builder.metrics(new ApiMetrics(registry)));

    private long calls(String operation, String outcome) {
        Timer timer = registry.find(ApiMetrics.CALLS).tags("api", "graphql", "operation", operation, "outcome", outcome)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    private double signIns(String outcome) {
        return registry.get(ApiMetrics.SIGN_INS).tag("outcome", outcome).counter().count();
    }

    @Test
    void eachRootFieldIsACallWithItsOutcome() {
        Caller ada = world.signUpAndIn("ada");

        world.run(ada, "{ viewer { id } order(id: \"ord_00000000000000000000000000\") { id } }");
        world.run(Caller.anonymous(), "{ viewer { id } }");

        assertThat(calls("Query.viewer", "ok")).isEqualTo(1);
        assertThat(calls("Query.order", "not_found")).isEqualTo(1);
        assertThat(calls("Query.viewer", "unauthenticated")).isEqualTo(1);
        assertThat(calls("Mutation.signUp", "ok")).isEqualTo(1);
    }

    @Test
    void signInsAreCountedByOutcome() {
        Caller ada = world.signUpAndIn("ada");
        String email = (String) world.run(ada, "{ viewer { account { email } } }").at("viewer", "account", "email");

        world.run(Caller.anonymous(), "mutation { signIn(input: {email: \"%s\", password: \"wrong password\"}) { token } }"
                .formatted(email));

        assertThat(signIns("success")).isEqualTo(1);
        assertThat(signIns("failure")).isEqualTo(1);
        assertThat(calls("Mutation.signIn", "unauthenticated")).isEqualTo(1);
        assertThat(PASSWORD).isNotBlank();
    }

    @Test
    void anOperationThatNeverRanIsOneInvalidCall() {
        world.run(Caller.anonymous(), "{ noSuchField }");

        assertThat(calls("invalid", "invalid_argument")).isEqualTo(1);
    }
}
