package dev.strata.adapters.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.graphql.GraphqlWorld.Result;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What graphql-java refuses before anything runs is answered like every other error: each error
 * carries {@code extensions.code} and Strata's classification, never a bare graphql-java one.
 */
class InvalidOperationsTest {

    private final GraphqlWorld world = new GraphqlWorld();
    private final Caller ada = world.signUpAndIn("ada");

    @Test
    void aSyntaxErrorIsCoded() {
        Result refused = world.run(ada, "{ viewer { id ");

        assertThat(refused.ran()).isFalse();
        assertThat(refused.onlyError()).containsEntry("code", "graphql_parse_failed")
                .containsEntry("classification", "INVALID_ARGUMENT");
    }

    @Test
    void aFieldTheSchemaDoesNotHaveIsCoded() {
        Result refused = world.run(ada, "{ viewer { id password } }");

        assertThat(refused.ran()).isFalse();
        assertThat(refused.codes()).isNotEmpty().containsOnly("graphql_validation_failed");
        assertThat(refused.errors().getFirst().get("message").toString()).contains("password");
        assertThat(refused.errors().getFirst()).containsKey("locations");
    }

    @Test
    void anUnknownOperationNameIsCoded() {
        Result refused = world.run(ada, "query Mine { viewer { id } }", Map.of(), "Theirs");

        assertThat(refused.ran()).isFalse();
        assertThat(refused.codes()).isNotEmpty().doesNotContainNull();
    }

    @Test
    void variablesOfTheWrongTypeAreCoded() {
        Result refused = world.run(ada, "query($first: Int) { posts(first: $first) { edges { cursor } } }",
                Map.of("first", "many"));

        assertThat(refused.ran()).isFalse();
        assertThat(refused.onlyError()).containsEntry("code", "bad_user_input")
                .containsEntry("classification", "INVALID_ARGUMENT");
    }
}
