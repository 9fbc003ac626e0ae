package dev.strata.adapters.rest.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.contracts.identity.IdentityFixtures;

/** Signs accounts up and in over HTTP, for tests that need a caller. */
public final class Accounts {

    public static final String PASSWORD = "correct horse battery staple";

    private Accounts() {
    }

    /** A signed-up, signed-in account: its id, email and bearer token. */
    public record SignedIn(String id, String email, String token) {
    }

    public static SignedIn signUpAndIn(HttpDriver http) {
        String email = IdentityFixtures.uniqueEmail();
        HttpResult created = http.post("/v1/accounts")
                .json("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"display_name\":\"Ada\"}")
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        HttpResult session = http.post("/v1/sessions")
                .json("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .send();
        assertThat(session.status()).as(session.toString()).isEqualTo(201);
        return new SignedIn(created.field("id"), email, session.field("token"));
    }
}
