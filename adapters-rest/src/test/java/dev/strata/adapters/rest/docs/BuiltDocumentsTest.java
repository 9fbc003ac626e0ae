package dev.strata.adapters.rest.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.strata.adapters.rest.ApiDocumentWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI documents the build wrote into the class path ({@link ApiDocumentWriter}) are the
 * ones swagger reads from the resources now, for every set of resources a server can register,
 * and the server's URL goes into them as the document would have named it.
 */
class BuiltDocumentsTest {

    private static final Map<String, Set<Class<?>>> SETS = ApiDocumentWriter.documentedSets();

    @Test
    void everyBuiltDocumentIsTheOneTheResourcesDescribe() throws IOException {
        for (Map.Entry<String, Set<Class<?>>> set : SETS.entrySet()) {
            ApiDocument generated = ApiDocument.generate(set.getValue(), PublishedDocument.SERVER_URL_PLACEHOLDER);
            assertThat(text(set.getKey() + ".json")).as(set.getKey() + ".json, against the resources now (rebuild)")
                    .isEqualTo(new String(generated.json(), StandardCharsets.UTF_8));
            assertThat(text(set.getKey() + ".yaml")).as(set.getKey() + ".yaml, against the resources now (rebuild)")
                    .isEqualTo(new String(generated.yaml(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theIndexNamesEachDocumentWithItsResources() {
        assertThat(PublishedDocument.documentNames(getClass().getClassLoader())).hasSize(4)
                .containsValues("identity", "identity-posts", "identity-orders", "identity-posts-orders");
        SETS.forEach((name, classes) -> assertThat(PublishedDocument.documentNames(getClass().getClassLoader()))
                .containsEntry(PublishedDocument.key(classes), name));
        assertThat(SETS.get("identity-posts-orders")).hasSizeGreaterThan(SETS.get("identity-posts").size());
    }

    @Test
    void theServedDocumentIsTheGeneratedOneWithTheServersUrl() throws IOException {
        ObjectMapper json = new ObjectMapper();
        YAMLMapper yaml = new YAMLMapper();
        for (String url : List.of("/", "https://api.example.com/strata", "https://api.example.com:8443/it's#here")) {
            for (Set<Class<?>> classes : SETS.values()) {
                PublishedDocument served = PublishedDocument.load(classes, url);
                ApiDocument generated = ApiDocument.generate(classes, url);

                assertThat(json.readTree(served.json())).isEqualTo(json.readTree(generated.json()));
                assertThat(yaml.readTree(served.yaml())).isEqualTo(yaml.readTree(generated.yaml()));
                JsonNode servers = yaml.readTree(served.yaml()).get("servers");
                assertThat(servers).hasSize(1);
                assertThat(servers.get(0).get("url").asText()).isEqualTo(url);
            }
        }
    }

    @Test
    void aDocumentMustNameItsServerExactlyOnce() {
        String line = PublishedDocument.YAML_SERVER_LINE;

        assertThat(PublishedDocument.namesItsServerOnce(bytes("servers:\n- " + line), line)).isTrue();
        assertThat(PublishedDocument.namesItsServerOnce(bytes("servers:\n- url: /\n"), line)).isFalse();
        assertThat(PublishedDocument.namesItsServerOnce(bytes("- " + line + "- " + line), line)).isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void resourcesWithoutABuiltDocumentAreRefusedByName() {
        assertThatThrownBy(() -> PublishedDocument.load(List.of(OpenApiResource.class), "/"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no OpenAPI document for the resources " + OpenApiResource.class.getName());
    }

    @Test
    void aClassPathWithoutTheDocumentsSaysSo() {
        ClassLoader empty = new ClassLoader(null) {
        };

        assertThatThrownBy(() -> PublishedDocument.load(empty, SETS.get("identity"), "/"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(PublishedDocument.INDEX + " is not on the class path");
    }

    private static String text(String name) throws IOException {
        try (InputStream in = BuiltDocumentsTest.class.getClassLoader()
                .getResourceAsStream(PublishedDocument.FOLDER + name)) {
            assertThat(in).as(PublishedDocument.FOLDER + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
