package dev.strata.adapters.rest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonEntityProviderTest {

    private static final Annotation[] NONE = {};
    private static final MediaType PROBLEM = MediaType.valueOf("application/problem+json");
    private static final MediaType MERGE_PATCH = MediaType.valueOf("application/merge-patch+json");

    private final JsonEntityProvider provider = new JsonEntityProvider();

    record Sample(String displayName, Instant createdAt) {
    }

    @Test
    void writesWithStrataMapperAndLeavesTheStreamToJersey() throws IOException {
        ClosingTracker out = new ClosingTracker();

        provider.writeTo(new Sample("Ada", Instant.parse("2026-01-02T03:04:05Z")), Sample.class, Sample.class, NONE,
                MediaType.APPLICATION_JSON_TYPE, new MultivaluedHashMap<>(), out);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"display_name\":\"Ada\",\"created_at\":\"2026-01-02T03:04:05.000000Z\"}");
        assertThat(out.closed).isFalse();
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void readsJsonAndEveryPlusJsonTypeAndAnEmptyBodyAsNothing() throws IOException {
        Object node = provider.readFrom((Class) JsonNode.class, JsonNode.class, NONE, MERGE_PATCH,
                new MultivaluedHashMap<>(), body("{\"display_name\":null}"));
        Object empty = provider.readFrom((Class) Sample.class, Sample.class, NONE, MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), body(""));

        assertThat(node).hasToString("{\"display_name\":null}");
        assertThat(empty).isNull();
        assertThat(provider.isReadable(Sample.class, Sample.class, NONE, PROBLEM)).isTrue();
    }

    @Test
    void leavesTextBytesAndOtherMediaTypesToJersey() {
        assertThat(provider.isWriteable(String.class, String.class, NONE, MediaType.APPLICATION_JSON_TYPE)).isFalse();
        assertThat(provider.isWriteable(byte[].class, byte[].class, NONE, MediaType.APPLICATION_JSON_TYPE)).isFalse();
        assertThat(provider.isWriteable(Map.class, Map.class, NONE, MediaType.TEXT_PLAIN_TYPE)).isFalse();
        assertThat(provider.isReadable(Sample.class, Sample.class, NONE, MediaType.APPLICATION_FORM_URLENCODED_TYPE))
                .isFalse();
    }

    private static ByteArrayInputStream body(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static final class ClosingTracker extends ByteArrayOutputStream {

        private boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}
