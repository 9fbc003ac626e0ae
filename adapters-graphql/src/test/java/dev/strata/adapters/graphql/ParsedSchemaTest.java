package dev.strata.adapters.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

/**
 * A host may parse the schema ahead (on another thread while its database opens) and hand it to the
 * builder: the API is then built from those type definitions, and answers as one that parsed them itself.
 */
class ParsedSchemaTest {

    @Test
    void theApiIsBuiltFromTheTypesItIsGiven() {
        TypeDefinitionRegistry types = new SchemaParser().parse(StrataGraphql.sdl()
                + "\nextend type Query { parsedAhead: String }\n");

        StrataGraphql graphql = new GraphqlWorld(builder -> builder.types(types)).graphql;

        assertThat(graphql.schema().getQueryType().getFieldDefinition("parsedAhead")).isNotNull();
    }

    @Test
    void anApiBuiltFromTheSchemaParsedAheadAnswersAsOneThatParsedItItself() {
        GraphqlWorld ahead = new GraphqlWorld(builder -> builder.types(StrataGraphql.parseSchema()));
        Caller ada = ahead.signUpAndIn("ada");

        assertThat(ahead.run(ada, "{ viewer { account { displayName } } }").data())
                .isEqualTo(java.util.Map.of("viewer", java.util.Map.of("account", java.util.Map.of("displayName", "ada"))));
        assertThat(ahead.graphql.schema().getQueryType().getFieldDefinitions())
                .hasSameSizeAs(new GraphqlWorld().graphql.schema().getQueryType().getFieldDefinitions());
    }
}
