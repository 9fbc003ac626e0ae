package dev.strata.adapters.rest.identity;

import static dev.strata.adapters.rest.testing.Accounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.rest.testing.Accounts.SignedIn;
import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.HttpDriver;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestApi;
import dev.strata.contracts.identity.IdentityFixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SessionsApiTest {

    @RegisterExtension
    static final TestApi api = new TestApi();
    private static final HttpDriver http = api.http;

    private static HttpResult signIn(String email, String password) {
        return http.post("/v1/sessions").json("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").send();
    }

    @Test
    void signingInReturns201WithTheTokenOnce() {
        SignedIn me = Accounts.signUpAndIn(http);

        HttpResult session = signIn(me.email(), PASSWORD);

        assertThat(session.status()).isEqualTo(201);
        assertThat(session.header("Location")).hasValueSatisfying(location -> assertThat(location)
                .endsWith("/v1/sessions/me"));
        assertThat(session.field("token")).isNotBlank();
        assertThat(session.field("id")).startsWith("ses_");
        assertThat(session.json().at("/account/id").asText()).isEqualTo(me.id());
        assertThat(session.json().fieldNames()).toIterable()
                .containsExactly("id", "account", "created_at", "expires_at", "token", "_links");
    }

    @Test
    void whoAmIShowsTheSessionAndAccountButNotTheToken() {
        SignedIn me = Accounts.signUpAndIn(http);

        HttpResult whoAmI = http.get("/v1/sessions/me").bearer(me.token()).send();
        HttpResult alias = http.get("/v1/sessions/mine").bearer(me.token()).send();

        assertThat(whoAmI.status()).isEqualTo(200);
        assertThat(whoAmI.json().at("/account/email").asText()).isEqualTo(me.email());
        assertThat(whoAmI.json().has("token")).isFalse();
        assertThat(whoAmI.header("ETag")).isPresent();
        assertThat(alias.body()).isEqualTo(whoAmI.body());
        assertThat(http.get("/v1/sessions/me").bearer(me.token()).header("If-None-Match", whoAmI.header("ETag").get())
                .send().status()).isEqualTo(304);
    }

    @Test
    void anUnknownEmailAndAWrongPasswordGetTheSame401() {
        SignedIn me = Accounts.signUpAndIn(http);

        HttpResult wrongPassword = signIn(me.email(), "not the password");
        HttpResult unknownEmail = signIn(IdentityFixtures.uniqueEmail(), PASSWORD);

        assertThat(wrongPassword.status()).isEqualTo(401).isEqualTo(unknownEmail.status());
        assertThat(wrongPassword.field("code")).isEqualTo(unknownEmail.field("code")).isEqualTo("invalid_credentials");
        assertThat(wrongPassword.field("detail")).isEqualTo(unknownEmail.field("detail"));
    }

    @Test
    void tooManyFailuresAre429WithRetryAfterEvenWithTheRightPassword() {
        SignedIn me = Accounts.signUpAndIn(http);
        for (int i = 0; i < 10; i++) {
            assertThat(signIn(me.email(), "wrong password").status()).isEqualTo(401);
        }

        HttpResult locked = signIn(me.email(), PASSWORD);

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.field("code")).isEqualTo("too_many_sign_in_attempts");
        assertThat(locked.header("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, Duration.ofMinutes(15).toSeconds()));
    }

    @Test
    void signingOutEndsTheSessionAndTheAliasWorksToo() {
        SignedIn me = Accounts.signUpAndIn(http);
        String second = signIn(me.email(), PASSWORD).field("token");

        HttpResult signedOut = http.delete("/v1/sessions/me").bearer(me.token()).send();
        HttpResult aliasSignedOut = http.delete("/v1/sessions/mine").bearer(second).send();

        assertThat(signedOut.status()).isEqualTo(204);
        assertThat(signedOut.body()).isEmpty();
        assertThat(aliasSignedOut.status()).isEqualTo(204);
        assertThat(http.get("/v1/sessions/me").bearer(me.token()).send().status()).isEqualTo(401);
        assertThat(http.get("/v1/sessions/me").bearer(second).send().status()).isEqualTo(401);
        assertThat(http.delete("/v1/sessions/me").bearer(me.token()).send().status()).isEqualTo(401);
    }

    @Test
    void anExpiredSessionIs401() {
        SignedIn me = Accounts.signUpAndIn(http);
        api.clock.advance(Duration.ofDays(8));
        try {
            assertThat(http.get("/v1/sessions/me").bearer(me.token()).send().status()).isEqualTo(401);
        } finally {
            api.clock.advance(Duration.ofDays(-8));
        }
    }
}
