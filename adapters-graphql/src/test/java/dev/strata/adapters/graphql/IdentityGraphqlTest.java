package dev.strata.adapters.graphql;

import static dev.strata.adapters.graphql.GraphqlWorld.PASSWORD;
import static dev.strata.adapters.graphql.GraphqlWorld.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.graphql.GraphqlWorld.Result;
import dev.strata.core.common.AuthenticationException;
import dev.strata.contracts.identity.IdentityFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Accounts and sessions through GraphQL, over the real identity service. */
class IdentityGraphqlTest {

    private final GraphqlWorld world = new GraphqlWorld();

    @Nested
    class SigningUpAndIn {

        @Test
        void aNewAccountSignsInAndSeesItselfAsTheViewer() {
            String email = IdentityFixtures.uniqueEmail();
            Result signedUp = world.run(Caller.anonymous(), """
                    mutation($input: SignUpInput!) { signUp(input: $input) { id email displayName version } }""",
                    Map.of("input", Map.of("email", email, "password", PASSWORD, "displayName", "Ada")));
            assertThat(signedUp.at("signUp", "email")).isEqualTo(email);
            assertThat(signedUp.at("signUp", "version")).isEqualTo(0);

            Result signedIn = world.run(Caller.anonymous(), """
                    mutation { signIn(input: {email: "%s", password: "%s"}) {
                      token session { id expiresAt account { id displayName } } } }""".formatted(email, PASSWORD));
            String token = (String) signedIn.at("signIn", "token");
            assertThat(signedIn.at("signIn", "session", "account", "id")).isEqualTo(signedUp.at("signUp", "id"));
            assertThat((String) signedIn.at("signIn", "session", "expiresAt")).matches(
                    "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");

            Caller caller = Caller.of(world.identity.verifySession(token));
            Result viewer = world.run(caller, "{ viewer { id account { email displayName } } }");
            assertThat(viewer.at("viewer", "id")).isEqualTo(signedIn.at("signIn", "session", "id"));
            assertThat(viewer.at("viewer", "account", "displayName")).isEqualTo("Ada");
        }

        @Test
        void invalidInputIsOneErrorNamingEveryFieldInTheSchemasSpelling() {
            Result refused = world.run(Caller.anonymous(), """
                    mutation { signUp(input: {email: "not an email", password: "short", displayName: " "}) { id } }""");

            Map<String, Object> extensions = refused.onlyError();
            assertThat(extensions).containsEntry("code", "validation_failed")
                    .containsEntry("classification", "INVALID_ARGUMENT");
            assertThat(GraphqlWorld.fieldNames(extensions)).containsExactly("email", "password", "displayName");
            assertThat(refused.errors().getFirst().get("path")).isEqualTo(List.of("signUp"));
            assertThat(refused.specification().get("data")).isNull();
        }

        @Test
        void aWrongPasswordIsUnauthenticatedWithoutSayingWhetherTheEmailExists() {
            Result refused = world.run(Caller.anonymous(), """
                    mutation { signIn(input: {email: "%s", password: "wrong password"}) { token } }"""
                    .formatted(IdentityFixtures.uniqueEmail()));

            assertThat(refused.onlyError()).containsEntry("code", "invalid_credentials")
                    .containsEntry("classification", "UNAUTHENTICATED");
        }

        @Test
        void anEmailTakenIsAConflict() {
            String email = IdentityFixtures.uniqueEmail();
            String signUp = "mutation { signUp(input: {email: \"%s\", password: \"%s\", displayName: \"A\"}) { id } }"
                    .formatted(email, PASSWORD);
            world.run(Caller.anonymous(), signUp).data();

            assertThat(world.run(Caller.anonymous(), signUp).onlyError())
                    .containsEntry("code", "email_already_registered");
        }
    }

    @Nested
    class Authentication {

        @Test
        void withoutATokenEveryOtherOperationIsUnauthenticated() {
            Result refused = world.run(Caller.anonymous(), "{ viewer { id } }");

            assertThat(refused.onlyError()).containsEntry("code", "authentication_required")
                    .containsEntry("classification", "UNAUTHENTICATED");
            assertThat(refused.specification()).containsKey("data");
            assertThat(refused.specification().get("data")).isNull();
        }

        @Test
        void aRefusedTokenSaysWhy() {
            Caller refused = Caller.refused(new AuthenticationException("invalid_token", "the bearer token is not valid"));

            assertThat(world.run(refused, "{ viewer { id } }").onlyError()).containsEntry("code", "invalid_token");
        }

        @Test
        void signingOutEndsTheSession() {
            Caller ada = world.signUpAndIn("ada");

            assertThat(world.run(ada, "mutation { signOut }").at("signOut")).isEqualTo(true);

            assertThat(world.run(world.again(ada), "{ viewer { id } }").codes()).containsExactly("invalid_token");
        }

        @Test
        void signingOutEverywhereEndsEverySession() {
            Caller ada = world.signUpAndIn("ada");
            String id = GraphqlWorld.sessionOf(ada).accountId().value();

            world.run(ada, "mutation($id: ID!) { signOutEverywhere(accountId: $id) }", Map.of("id", id)).data();

            assertThat(world.identity.listSessions(GraphqlWorld.sessionOf(ada), GraphqlWorld.sessionOf(ada).accountId()))
                    .isEmpty();
        }
    }

    @Nested
    class Accounts {

        @Test
        void anotherAccountIsNotFoundAsIfItDidNotExist() {
            Caller ada = world.signUpAndIn("ada");
            Caller bob = world.signUpAndIn("bob");

            Result refused = world.run(ada, "query($id: ID!) { account(id: $id) { id email } }",
                    Map.of("id", GraphqlWorld.sessionOf(bob).accountId().value()));

            assertThat(refused.onlyError()).containsEntry("code", "account_not_found")
                    .containsEntry("classification", "NOT_FOUND");
        }

        @Test
        void aMalformedIdNamesTheArgument() {
            Caller ada = world.signUpAndIn("ada");

            Map<String, Object> extensions = world.run(ada, "{ account(id: \"nope\") { id } }").onlyError();

            assertThat(extensions).containsEntry("code", "validation_failed");
            assertThat(GraphqlWorld.fieldNames(extensions)).containsExactly("id");
            assertThat(GraphqlWorld.fieldCodes(extensions)).containsExactly("malformed_id");
        }

        @Test
        void anUpdateAgainstTheCurrentVersionChangesTheAccountAndAStaleOneIsAborted() {
            Caller ada = world.signUpAndIn("ada");
            String id = GraphqlWorld.sessionOf(ada).accountId().value();
            String update = """
                    mutation($id: ID!, $version: Int!) {
                      updateAccount(id: $id, expectedVersion: $version, input: {displayName: "Ada L."}) {
                        displayName version } }""";

            Result updated = world.run(ada, update, map("id", id, "version", 0));
            assertThat(updated.at("updateAccount", "displayName")).isEqualTo("Ada L.");
            assertThat(updated.at("updateAccount", "version")).isEqualTo(1);

            assertThat(world.run(ada, update, map("id", id, "version", 0)).onlyError())
                    .containsEntry("code", "version_mismatch").containsEntry("classification", "ABORTED");
        }

        @Test
        void changingTheEmailNeedsTheCurrentPassword() {
            Caller ada = world.signUpAndIn("ada");
            String id = GraphqlWorld.sessionOf(ada).accountId().value();

            Map<String, Object> extensions = world.run(ada, """
                    mutation($id: ID!) { updateAccount(id: $id, expectedVersion: 0, input: {email: "new@example.com"}) {
                      id } }""", Map.of("id", id)).onlyError();

            assertThat(GraphqlWorld.fieldNames(extensions)).containsExactly("currentPassword");
        }

        @Test
        void theSessionsOfOnesOwnAccountPageNewestFirst() {
            Caller ada = world.signUpAndIn("ada");
            String email = world.run(ada, "{ viewer { account { email } } }").at("viewer", "account", "email").toString();
            for (int i = 0; i < 2; i++) {
                world.clock.advance(java.time.Duration.ofSeconds(1));
                world.run(Caller.anonymous(), "mutation { signIn(input: {email: \"%s\", password: \"%s\"}) { token } }"
                        .formatted(email, PASSWORD)).data();
            }
            String query = """
                    query($after: String) { viewer { account { sessions(first: 2, after: $after) {
                      edges { node { id createdAt } } pageInfo { hasNextPage endCursor } } } } }""";

            Result first = world.run(ada, query, map("after", null));
            assertThat((List<?>) first.at("viewer", "account", "sessions", "edges")).hasSize(2);
            assertThat(first.at("viewer", "account", "sessions", "pageInfo", "hasNextPage")).isEqualTo(true);
            Result second = world.run(ada, query,
                    map("after", first.at("viewer", "account", "sessions", "pageInfo", "endCursor")));
            assertThat(second.at("viewer", "account", "sessions", "edges", 0, "node", "id"))
                    .isEqualTo(GraphqlWorld.sessionOf(ada).session().id().value());
            assertThat(second.at("viewer", "account", "sessions", "pageInfo", "hasNextPage")).isEqualTo(false);
        }
    }
}
