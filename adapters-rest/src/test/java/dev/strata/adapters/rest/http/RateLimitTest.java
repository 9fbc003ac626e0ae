package dev.strata.adapters.rest.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.common.RateLimits;
import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestApi;
import dev.strata.contracts.MutableClock;
import dev.strata.contracts.identity.IdentityFixtures;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Token-bucket rate limits: per client IP, per account once signed in, stricter for sign-ups. */
class RateLimitTest {

    private static final RateLimits LIMITS = new RateLimits(new RateLimits.Budget(5, Duration.ofMinutes(1)),
            new RateLimits.Budget(2, Duration.ofHours(1)));

    /** The buckets' time: it stands still unless a test moves it, so every count below is exact. */
    private final MutableClock clock = MutableClock.startingNow();
    private TestApi api;

    @BeforeEach
    void start() {
        api = new TestApi(builder -> builder.rateLimits(LIMITS, clock));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private HttpResult signUp() {
        return api.http.post("/v1/accounts").json("{\"email\":\"" + IdentityFixtures.uniqueEmail()
                + "\",\"password\":\"" + Accounts.PASSWORD + "\",\"display_name\":\"Ada\"}").send();
    }

    @Test
    void everyResponseCarriesTheBudgetAndTheRequestOverItGets429WithRetryAfter() {
        for (int request = 1; request <= 5; request++) {
            HttpResult result = api.http.get("/v1").send();
            assertThat(result.status()).isEqualTo(200);
            assertThat(result.header("RateLimit-Limit")).hasValue("5");
            assertThat(result.header("RateLimit-Remaining")).hasValue(Integer.toString(5 - request));
            // Five per minute refill one every 12 seconds: the bucket is full again 12 s per token used.
            assertThat(result.header("RateLimit-Reset")).hasValue(Integer.toString(12 * request));
        }

        HttpResult limited = api.http.get("/v1").send();

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.field("code")).isEqualTo("rate_limited");
        assertThat(limited.header("Retry-After")).hasValue("12");
        assertThat(limited.header("RateLimit-Remaining")).hasValue("0");
    }

    @Test
    void theBucketRefillsOneRequestPerShareOfThePeriod() {
        for (int request = 0; request < 5; request++) {
            assertThat(api.http.get("/v1").send().status()).isEqualTo(200);
        }
        clock.advance(Duration.ofSeconds(11));
        HttpResult tooEarly = api.http.get("/v1").send();
        clock.advance(Duration.ofSeconds(1));

        HttpResult refilled = api.http.get("/v1").send();

        assertThat(tooEarly.status()).isEqualTo(429);
        assertThat(tooEarly.header("Retry-After")).hasValue("1");
        assertThat(refilled.status()).isEqualTo(200);
        assertThat(refilled.header("RateLimit-Remaining")).hasValue("0");
        assertThat(api.http.get("/v1").send().status()).isEqualTo(429);
        clock.advance(Duration.ofMinutes(1));
        assertThat(api.http.get("/v1").send().header("RateLimit-Remaining")).hasValue("4");
    }

    @Test
    void failedAuthenticationAndUnknownPathsAreChargedToTheAddressAndCarryTheBudget() {
        HttpResult unauthenticated = api.http.get("/v1/sessions/me").bearer("k1.not-a-token.x").send();
        HttpResult unknownPath = api.http.get("/v1/no-such-thing").send();

        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.header("RateLimit-Remaining")).hasValue("4");
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.header("RateLimit-Limit")).hasValue("5");
        assertThat(unknownPath.header("RateLimit-Remaining")).hasValue("3");
        assertThat(api.http.get("/v1").send().header("RateLimit-Remaining")).hasValue("2");
    }

    @Test
    void eachClientAddressHasABudgetOfItsOwn() throws Exception {
        for (int request = 0; request < 5; request++) {
            api.http.get("/v1").send();
        }
        assertThat(api.http.get("/v1").send().status()).isEqualTo(429);
        HttpClient otherAddress = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build();

        HttpResponse<String> response = otherAddress.send(
                HttpRequest.newBuilder(api.server.uri().resolve("/v1")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("RateLimit-Remaining")).hasValue("4");
    }

    @Test
    void behindATrustedProxyClientsAreToldApartByTheAddressItForwarded() {
        api.close();
        api = new TestApi(builder -> builder.rateLimits(LIMITS, clock)
                .trustedProxies(TrustedProxies.of(List.of("127.0.0.1"))));
        for (int request = 0; request < 5; request++) {
            api.http.get("/v1").header("X-Forwarded-For", "203.0.113.7").send();
        }
        assertThat(api.http.get("/v1").header("X-Forwarded-For", "203.0.113.7").send().status())
                .as("one client's budget is spent").isEqualTo(429);

        HttpResult another = api.http.get("/v1").header("X-Forwarded-For", "198.51.100.9, 127.0.0.1").send();

        assertThat(another.status()).as("another client behind the same proxy").isEqualTo(200);
        assertThat(another.header("RateLimit-Remaining")).hasValue("4");
    }

    @Test
    void fromAnUntrustedPeerTheForwardedAddressIsIgnored() {
        for (int request = 0; request < 5; request++) {
            api.http.get("/v1").header("X-Forwarded-For", "203.0.113." + request).send();
        }

        assertThat(api.http.get("/v1").header("X-Forwarded-For", "198.51.100.9").send().status())
                .as("a client cannot buy a fresh budget by naming another address").isEqualTo(429);
    }

    @Test
    void signUpsHaveAStricterBudgetOfTheirOwn() {
        assertThat(signUp().status()).isEqualTo(201);
        HttpResult second = signUp();
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("RateLimit-Limit")).hasValue("2");

        HttpResult third = signUp();
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.header("Retry-After")).as("two an hour: one every 30 minutes").hasValue("1800");
        assertThat(api.http.get("/v1").send().status()).as("other requests are not affected").isEqualTo(200);
    }

    @Test
    void aSignedInCallerIsChargedPerAccountNotPerAddress() {
        Accounts.SignedIn ada = Accounts.signUpAndIn(api.http);
        for (int request = 0; request < 5; request++) {
            assertThat(api.http.get("/v1/sessions/me").bearer(ada.token()).send().status()).isEqualTo(200);
        }

        assertThat(api.http.get("/v1/sessions/me").bearer(ada.token()).send().status()).isEqualTo(429);
        HttpResult anonymous = api.http.get("/v1").send();
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.header("RateLimit-Remaining")).as("the sign-in was this address's first charge")
                .hasValue("3");
    }

    @Test
    void notModifiedResponsesAreNotCharged() {
        HttpResult first = api.http.get("/v1").send();
        String etag = first.header("ETag").orElseThrow();

        for (int request = 0; request < 10; request++) {
            HttpResult revalidated = api.http.get("/v1").header("If-None-Match", etag).send();
            assertThat(revalidated.status()).isEqualTo(304);
            assertThat(revalidated.header("RateLimit-Remaining")).hasValue("4");
        }
        assertThat(api.http.get("/v1").send().header("RateLimit-Remaining")).hasValue("3");
    }
}
