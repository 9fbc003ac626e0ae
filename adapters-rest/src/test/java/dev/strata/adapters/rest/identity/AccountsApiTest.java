package dev.strata.adapters.rest.identity;

import static dev.strata.adapters.rest.testing.Accounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.rest.testing.Accounts.SignedIn;
import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.HttpDriver;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestApi;
import dev.strata.contracts.identity.IdentityFixtures;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AccountsApiTest {

    @RegisterExtension
    static final TestApi api = new TestApi();
    private static final HttpDriver http = api.http;

    @Nested
    class SigningUp {

        @Test
        void createsTheAccountWith201LocationAndETag() {
            String email = IdentityFixtures.uniqueEmail();

            HttpResult created = http.post("/v1/accounts")
                    .json("{\"email\":\" " + email + " \",\"password\":\"" + PASSWORD + "\",\"display_name\":\"Ada\"}")
                    .send();

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.contentType()).startsWith("application/json");
            String id = created.field("id");
            assertThat(id).startsWith("acct_");
            assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location)
                    .endsWith("/v1/accounts/" + id));
            assertThat(created.header("ETag")).hasValueSatisfying(tag -> assertThat(tag).matches("\"[^\"]+\""));
            assertThat(created.field("email")).isEqualTo(email);
            assertThat(created.field("display_name")).isEqualTo("Ada");
            assertThat(created.field("version")).isEqualTo("0");
            assertThat(created.field("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
            assertThat(created.json().fieldNames()).toIterable()
                    .containsExactly("id", "email", "display_name", "created_at", "updated_at", "version", "_links");
            assertThat(created.body()).doesNotContain(PASSWORD).doesNotContain("argon2").doesNotContain("password");
        }

        @Test
        void listsEveryInvalidFieldAtOnce() {
            HttpResult refused = http.post("/v1/accounts")
                    .json("{\"email\":\"nope\",\"password\":\"short\",\"display_name\":\"\"}")
                    .send();

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.field("code")).isEqualTo("validation_failed");
            assertThat(refused.json().get("errors").findValuesAsText("field"))
                    .containsExactlyInAnyOrder("email", "password", "display_name");
        }

        @Test
        void aTakenEmailIsAConflict() {
            SignedIn existing = Accounts.signUpAndIn(http);

            HttpResult conflict = http.post("/v1/accounts")
                    .json("{\"email\":\"" + existing.email().toUpperCase() + "\",\"password\":\"" + PASSWORD
                            + "\",\"display_name\":\"Copy\"}")
                    .send();

            assertThat(conflict.status()).isEqualTo(409);
            assertThat(conflict.field("code")).isEqualTo("email_already_registered");
        }

        @Test
        void unknownAndReadOnlyFieldsAreRefusedByName() {
            HttpResult unknown = http.post("/v1/accounts")
                    .json("{\"email\":\"a@example.com\",\"password\":\"" + PASSWORD + "\",\"display_name\":\"A\","
                            + "\"displayname\":\"typo\"}")
                    .send();
            HttpResult readOnly = http.post("/v1/accounts")
                    .json("{\"id\":\"acct_x\",\"email\":\"a@example.com\",\"password\":\"" + PASSWORD
                            + "\",\"display_name\":\"A\"}")
                    .send();

            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.json().at("/errors/0/field").asText()).isEqualTo("displayname");
            assertThat(unknown.json().at("/errors/0/code").asText()).isEqualTo("unknown_field");
            assertThat(readOnly.status()).isEqualTo(400);
            assertThat(readOnly.json().at("/errors/0/field").asText()).isEqualTo("id");
            assertThat(readOnly.json().at("/errors/0/code").asText()).isEqualTo("read_only_field");
        }

        @Test
        void aNumberWhereTextBelongsIsRefusedNotCoerced() {
            HttpResult refused = http.post("/v1/accounts")
                    .json("{\"email\":\"a@example.com\",\"password\":12345678,\"display_name\":\"A\"}")
                    .send();

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("password");
            assertThat(refused.json().at("/errors/0/code").asText()).isEqualTo("invalid_type");
        }

        @Test
        void anEmptyBodyOrANonObjectIsABadRequest() {
            assertThat(http.post("/v1/accounts").json("").send().status()).isEqualTo(400);
            assertThat(http.post("/v1/accounts").json("null").send().status()).isEqualTo(400);
            assertThat(http.post("/v1/accounts").json("[1,2]").send().status()).isEqualTo(400);
            assertThat(http.post("/v1/accounts").json("\"text\"").send().status()).isEqualTo(400);
        }
    }

    @Nested
    class Reading {

        @Test
        void anAccountReadsItselfWithAnETagAndRevalidatesWith304() {
            SignedIn me = Accounts.signUpAndIn(http);

            HttpResult read = http.get("/v1/accounts/" + me.id()).bearer(me.token()).send();
            String etag = read.header("ETag").orElseThrow();
            HttpResult revalidated = http.get("/v1/accounts/" + me.id()).bearer(me.token())
                    .header("If-None-Match", etag).send();

            assertThat(read.status()).isEqualTo(200);
            assertThat(read.field("email")).isEqualTo(me.email());
            assertThat(read.header("Cache-Control")).contains("private, no-cache");
            assertThat(revalidated.status()).isEqualTo(304);
            assertThat(revalidated.body()).isEmpty();
            assertThat(revalidated.header("ETag")).contains(etag);
        }

        @Test
        void anotherAccountIsNotFoundWhetherOrNotItExists() {
            SignedIn me = Accounts.signUpAndIn(http);
            SignedIn other = Accounts.signUpAndIn(http);

            HttpResult existing = http.get("/v1/accounts/" + other.id()).bearer(me.token()).send();
            HttpResult missing = http.get("/v1/accounts/acct_00000000000000000000000000").bearer(me.token()).send();

            assertThat(existing.status()).isEqualTo(404);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(existing.field("detail")).isEqualTo(missing.field("detail"));
            assertThat(existing.field("code")).isEqualTo(missing.field("code"));
        }

        @Test
        void aMalformedIdIsABadRequestNamingTheId() {
            SignedIn me = Accounts.signUpAndIn(http);

            HttpResult malformed = http.get("/v1/accounts/acct_not-an-id").bearer(me.token()).send();

            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.json().at("/errors/0/code").asText()).isEqualTo("malformed_id");
        }

        @Test
        void withoutATokenItIs401WithAChallenge() {
            SignedIn me = Accounts.signUpAndIn(http);

            for (HttpResult result : new HttpResult[] {
                    http.get("/v1/accounts/" + me.id()).send(),
                    http.get("/v1/accounts/" + me.id()).header("Authorization", "Basic dXNlcjpwYXNz").send(),
                    http.get("/v1/accounts/" + me.id()).bearer(me.token() + "x").send()}) {
                assertThat(result.status()).isEqualTo(401);
                assertThat(result.header("WWW-Authenticate")).contains("Bearer");
                assertThat(result.contentType()).startsWith("application/problem+json");
            }
        }
    }

    @Nested
    class Patching {

        private HttpResult patch(SignedIn me, String ifMatch, String body) {
            HttpDriver.Call call = http.patch("/v1/accounts/" + me.id()).bearer(me.token())
                    .body("application/merge-patch+json", body);
            if (ifMatch != null) {
                call.header("If-Match", ifMatch);
            }
            return call.send();
        }

        private String etagOf(SignedIn me) {
            return http.get("/v1/accounts/" + me.id()).bearer(me.token()).send().header("ETag").orElseThrow();
        }

        @Test
        void aMatchingIfMatchChangesTheDisplayNameAndTheETag() {
            SignedIn me = Accounts.signUpAndIn(http);
            String etag = etagOf(me);

            HttpResult patched = patch(me, etag, "{\"display_name\":\"Grace\"}");

            assertThat(patched.status()).isEqualTo(200);
            assertThat(patched.field("display_name")).isEqualTo("Grace");
            assertThat(patched.field("version")).isEqualTo("1");
            assertThat(patched.header("ETag")).isPresent().get().isNotEqualTo(etag);
        }

        @Test
        void withoutIfMatchItIs428AndAStaleOneIs412() {
            SignedIn me = Accounts.signUpAndIn(http);
            String stale = etagOf(me);
            patch(me, stale, "{\"display_name\":\"First\"}");

            HttpResult missing = patch(me, null, "{\"display_name\":\"Second\"}");
            HttpResult outdated = patch(me, stale, "{\"display_name\":\"Second\"}");
            HttpResult weak = patch(me, "W/" + etagOf(me), "{\"display_name\":\"Second\"}");

            assertThat(missing.status()).isEqualTo(428);
            assertThat(missing.field("code")).isEqualTo("precondition_required");
            assertThat(outdated.status()).isEqualTo(412);
            assertThat(weak.status()).isEqualTo(412);
            assertThat(http.get("/v1/accounts/" + me.id()).bearer(me.token()).send().field("display_name"))
                    .isEqualTo("First");
        }

        @Test
        void readOnlyUnknownAndNullFieldsAreEachNamed() {
            SignedIn me = Accounts.signUpAndIn(http);

            HttpResult refused = patch(me, etagOf(me), "{\"version\":5,\"nickname\":\"x\",\"display_name\":null}");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("errors").findValuesAsText("code"))
                    .containsExactlyInAnyOrder("read_only_field", "unknown_field", "required");
        }

        @Test
        void plainJsonIs415WithAcceptPatch() {
            SignedIn me = Accounts.signUpAndIn(http);

            HttpResult refused = http.patch("/v1/accounts/" + me.id()).bearer(me.token())
                    .header("If-Match", etagOf(me)).json("{\"display_name\":\"Grace\"}").send();

            assertThat(refused.status()).isEqualTo(415);
            assertThat(refused.header("Accept-Patch")).contains("application/merge-patch+json");
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }

        @Test
        void changingThePasswordNeedsTheCurrentOneAndSignsOutOtherSessions() {
            SignedIn me = Accounts.signUpAndIn(http);
            String otherToken = http.post("/v1/sessions")
                    .json("{\"email\":\"" + me.email() + "\",\"password\":\"" + PASSWORD + "\"}").send().field("token");

            HttpResult withoutCurrent = patch(me, etagOf(me), "{\"password\":\"a new password\"}");
            HttpResult changed = patch(me, etagOf(me),
                    "{\"password\":\"a new password\",\"current_password\":\"" + PASSWORD + "\"}");

            assertThat(withoutCurrent.status()).isEqualTo(400);
            assertThat(withoutCurrent.json().at("/errors/0/field").asText()).isEqualTo("current_password");
            assertThat(changed.status()).isEqualTo(200);
            assertThat(http.get("/v1/sessions/me").bearer(me.token()).send().status()).isEqualTo(200);
            assertThat(http.get("/v1/sessions/me").bearer(otherToken).send().status()).isEqualTo(401);
        }

        @Test
        void anotherAccountCannotBePatched() {
            SignedIn me = Accounts.signUpAndIn(http);
            SignedIn other = Accounts.signUpAndIn(http);

            HttpResult refused = http.patch("/v1/accounts/" + other.id()).bearer(me.token()).header("If-Match", "*")
                    .body("application/merge-patch+json", "{\"display_name\":\"Hacked\"}").send();

            assertThat(refused.status()).isEqualTo(404);
            assertThat(http.get("/v1/accounts/" + other.id()).bearer(other.token()).send().field("display_name"))
                    .isEqualTo("Ada");
        }
    }

    @Nested
    class Sessions {

        @Test
        void listsTheAccountsLiveSessionsAndEndsThemAll() {
            SignedIn me = Accounts.signUpAndIn(http);
            http.post("/v1/sessions").json("{\"email\":\"" + me.email() + "\",\"password\":\"" + PASSWORD + "\"}")
                    .send();

            HttpResult listed = http.get("/v1/accounts/" + me.id() + "/sessions").bearer(me.token()).send();
            HttpResult ended = http.delete("/v1/accounts/" + me.id() + "/sessions").bearer(me.token()).send();

            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.json().get("data")).hasSize(2);
            assertThat(listed.json().get("has_more").asBoolean()).isFalse();
            assertThat(listed.json().get("data").get(0).has("token")).isFalse();
            assertThat(listed.header("ETag")).isPresent();
            assertThat(ended.status()).isEqualTo(204);
            assertThat(http.get("/v1/sessions/me").bearer(me.token()).send().status()).isEqualTo(401);
        }

        @Test
        void anotherAccountsSessionsAreNotFound() {
            SignedIn me = Accounts.signUpAndIn(http);
            SignedIn other = Accounts.signUpAndIn(http);

            assertThat(http.get("/v1/accounts/" + other.id() + "/sessions").bearer(me.token()).send().status())
                    .isEqualTo(404);
            assertThat(http.delete("/v1/accounts/" + other.id() + "/sessions").bearer(me.token()).send().status())
                    .isEqualTo(404);
            assertThat(http.get("/v1/sessions/me").bearer(other.token()).send().status()).isEqualTo(200);
        }
    }
}
