package dev.strata.adapters.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.graphql.GraphqlWorld.Result;
import graphql.introspection.IntrospectionQuery;
import org.junit.jupiter.api.Test;

/** What one operation may ask is bounded, before it runs; introspection stays within the bounds. */
class LimitsTest {

    private final GraphqlWorld world = new GraphqlWorld();
    private final Caller ada = world.signUpAndIn("ada");

    @Test
    void tooDeepAnOperationIsRefusedBeforeItRuns() {
        Result refused = world.run(ada, """
                { posts { edges { node { channel { posts { edges { node { channel { posts { edges { node {
                  channel { posts { edges { node { id } } } } } } } } } } } } } } } }""");

        assertThat(refused.ran()).isFalse();
        assertThat(refused.onlyError()).containsEntry("code", "query_too_deep")
                .containsEntry("classification", "INVALID_ARGUMENT");
    }

    @Test
    void tooComplexAnOperationIsRefusedBeforeItRuns() {
        Result refused = world.run(ada, """
                { posts(first: 100) { edges { node { channel { posts(first: 100) { edges { node { id body } } } } } } } }""");

        assertThat(refused.ran()).isFalse();
        assertThat(refused.onlyError()).containsEntry("code", "query_too_complex");
    }

    @Test
    void aPageWithinTheBoundsRuns() {
        Result page = world.run(ada, "{ posts(first: 100) { edges { node { id body author { id } channel { id } } } } }");

        assertThat(page.errors()).isEmpty();
    }

    @Test
    void theStandardIntrospectionQueryRuns() {
        Result schema = world.run(Caller.anonymous(), IntrospectionQuery.INTROSPECTION_QUERY);

        assertThat(schema.errors()).isEmpty();
        assertThat(schema.at("__schema", "queryType", "name")).isEqualTo("Query");
    }

    @Test
    void tighterLimitsAreTheBuildersToSet() {
        GraphqlWorld strict = new GraphqlWorld(builder -> builder.limits(3, 2_000));
        Caller bob = strict.signUpAndIn("bob");

        assertThat(strict.run(bob, "{ viewer { account { id } } }").errors()).isEmpty();
        assertThat(strict.run(bob, "{ viewer { account { posts { edges { cursor } } } } }").codes())
                .containsExactly("query_too_deep");
    }
}
