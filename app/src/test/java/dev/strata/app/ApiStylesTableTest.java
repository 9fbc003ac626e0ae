package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.grpc.v1.IdentityServiceGrpc;
import dev.strata.adapters.grpc.v1.OrderServiceGrpc;
import dev.strata.adapters.grpc.v1.PostServiceGrpc;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README's "API styles at a glance" table names every method the gRPC services serve and every
 * root field of the served GraphQL schema, so that a new operation in either style cannot be
 * left out of it (REST's column is checked against the resources by hand).
 */
class ApiStylesTableTest {

    private static final String SCHEMA = "dev/strata/adapters/graphql/strata.graphqls";

    @Test
    void everyGrpcMethodIsInTheTable() throws IOException {
        String table = table();
        List<String> methods = Stream.of(IdentityServiceGrpc.getServiceDescriptor(),
                        PostServiceGrpc.getServiceDescriptor(), OrderServiceGrpc.getServiceDescriptor())
                .map(ServiceDescriptor::getMethods).flatMap(java.util.Collection::stream)
                .map(MethodDescriptor::getBareMethodName).toList();

        assertThat(methods).hasSizeGreaterThan(20)
                .allSatisfy(method -> assertThat(names(table, method)).as("the table names %s", method).isTrue());
    }

    @Test
    void everyGraphqlRootFieldIsInTheTable() throws IOException {
        String table = table();
        TypeDefinitionRegistry schema;
        try (InputStream sdl = getClass().getClassLoader().getResourceAsStream(SCHEMA)) {
            assertThat(sdl).as("the schema %s is on the class path", SCHEMA).isNotNull();
            schema = new SchemaParser().parse(new String(sdl.readAllBytes(), StandardCharsets.UTF_8));
        }
        List<String> fields = new ArrayList<>();
        for (String root : List.of("Query", "Mutation")) {
            schema.getType(root, ObjectTypeDefinition.class).orElseThrow().getFieldDefinitions().stream()
                    .map(FieldDefinition::getName).forEach(fields::add);
        }

        assertThat(fields).hasSizeGreaterThan(20)
                .allSatisfy(field -> assertThat(names(table, field)).as("the table names %s", field).isTrue());
    }

    /** Whether the table names {@code name} in code: {@code `name`} or {@code `Owner.name`}. */
    private static boolean names(String table, String name) {
        return Pattern.compile("[`.]" + Pattern.quote(name) + "`").matcher(table).find();
    }

    private static String table() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("strata.readme", "../README.md")));
        int start = readme.indexOf("<!-- styles-table:start -->");
        int end = readme.indexOf("<!-- styles-table:end -->");
        assertThat(start).as("README marks the styles table").isNotNegative();
        assertThat(end).isGreaterThan(start);
        return readme.substring(start, end);
    }
}
