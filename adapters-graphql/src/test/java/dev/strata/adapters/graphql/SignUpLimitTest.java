package dev.strata.adapters.graphql;

import static dev.strata.adapters.graphql.GraphqlWorld.PASSWORD;
import static dev.strata.adapters.graphql.GraphqlWorld.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.common.LocalRateLimitBuckets;
import dev.strata.adapters.common.RateLimiter;
import dev.strata.adapters.common.RateLimits;
import dev.strata.adapters.common.SignUpCharge;
import dev.strata.contracts.identity.IdentityFixtures;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A GraphQL signUp is charged to the sign-up budget of its client address, as REST's POST /v1/accounts is. */
class SignUpLimitTest {

    private static final String SIGN_UP = """
            mutation($email: String!) { signUp(input: {email: $email, password: "%s", displayName: "Ada"}) { id } }"""
            .formatted(PASSWORD);

    private final GraphqlWorld world = new GraphqlWorld();
    private final RateLimiter limiter = new RateLimiter(new RateLimits(new RateLimits.Budget(100, Duration.ofMinutes(1)),
            new RateLimits.Budget(2, Duration.ofHours(1))), new LocalRateLimitBuckets(world.clock));
    private final Caller fromOneAddress = Caller.anonymous().withSignUpCharge(SignUpCharge.of(limiter, "192.0.2.1"));

    @Test
    void theSignUpOverTheBudgetIsRateLimitedWithTheWaitAndCreatesNoAccount() {
        world.run(fromOneAddress, SIGN_UP, map("email", IdentityFixtures.uniqueEmail())).data();
        world.run(fromOneAddress, SIGN_UP, map("email", IdentityFixtures.uniqueEmail())).data();
        String email = IdentityFixtures.uniqueEmail();

        Map<String, Object> refused = world.run(fromOneAddress, SIGN_UP, map("email", email)).onlyError();

        assertThat(refused).containsEntry("code", "rate_limited")
                .containsEntry("classification", "RESOURCE_EXHAUSTED")
                .containsEntry("retryAfterSeconds", 1800L);
        Caller fromAnother = Caller.anonymous().withSignUpCharge(SignUpCharge.of(limiter, "192.0.2.2"));
        assertThat(world.run(fromAnother, SIGN_UP, map("email", email)).data()).as("the email is still free")
                .isNotNull();
    }

    @Test
    void twoSignUpsInOneDocumentCostTwo() {
        world.run(fromOneAddress, """
                mutation { a: signUp(input: {email: "%s", password: "%s", displayName: "A"}) { id }
                           b: signUp(input: {email: "%s", password: "%s", displayName: "B"}) { id } }"""
                .formatted(IdentityFixtures.uniqueEmail(), PASSWORD, IdentityFixtures.uniqueEmail(), PASSWORD)).data();

        assertThat(world.run(fromOneAddress, SIGN_UP, map("email", IdentityFixtures.uniqueEmail())).codes())
                .containsExactly("rate_limited");
    }
}
