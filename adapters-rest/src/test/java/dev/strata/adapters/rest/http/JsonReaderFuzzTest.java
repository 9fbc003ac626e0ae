package dev.strata.adapters.rest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.identity.NewAccountRequest;
import dev.strata.adapters.rest.identity.SignInRequest;
import dev.strata.adapters.rest.orders.OrderRequest;
import dev.strata.adapters.rest.posts.NewChannelRequest;
import dev.strata.adapters.rest.posts.NewPostRequest;
import dev.strata.adapters.rest.testing.ClientErrors;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the JSON reader over every request body type: whatever the bytes, the reader gives a body
 * that holds exactly what was sent (no coercion: each member sent reads back equal) or fails with
 * what the problem mapper answers with a 4xx. The first byte picks the type (its digit, modulo the
 * number of types); the rest is the body.
 */
class JsonReaderFuzzTest {

    /** Every type a resource reads a JSON body as; JsonNode for the patches. */
    private static final List<Class<?>> TYPES = List.of(NewAccountRequest.class, SignInRequest.class,
            NewPostRequest.class, NewChannelRequest.class, OrderRequest.class, OrderRequest.ItemRequest.class,
            JsonNode.class);
    private static final JsonEntityProvider READER = new JsonEntityProvider();

    @FuzzTest
    @SuppressWarnings({"unchecked", "rawtypes"})
    void readsWhatWasSentOrRefusesIt(byte[] data) {
        if (data.length == 0) {
            return;
        }
        Class<?> type = TYPES.get(Math.floorMod(data[0] - '0', TYPES.size()));
        byte[] body = Arrays.copyOfRange(data, 1, data.length);
        Object read;
        try {
            read = READER.readFrom((Class) type, type, new Annotation[0], MediaType.APPLICATION_JSON_TYPE,
                    new MultivaluedHashMap<>(), new ByteArrayInputStream(body));
        } catch (Exception refused) {
            ClientErrors.assertClientError(refused);
            return;
        }
        if (read == null || read instanceof JsonNode) {
            return;
        }
        try {
            JsonNode sent = JsonMapper.mapper().readTree(body);
            assertHolds(JsonMapper.mapper().valueToTree(read), sent, type.getSimpleName());
        } catch (java.io.IOException e) {
            throw new AssertionError("the reader took what the mapper cannot read again", e);
        }
    }

    /** Every member of {@code sent} is in {@code read}, equal (objects compared member by member). */
    static void assertHolds(JsonNode read, JsonNode sent, String where) {
        if (sent.isObject() && read.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> members = sent.fields(); members.hasNext();) {
                Map.Entry<String, JsonNode> member = members.next();
                assertHolds(read.path(member.getKey()), member.getValue(), where + "." + member.getKey());
            }
        } else if (sent.isArray() && read.isArray() && sent.size() == read.size()) {
            for (int i = 0; i < sent.size(); i++) {
                assertHolds(read.get(i), sent.get(i), where + "[" + i + "]");
            }
        } else {
            assertThat(read).as("%s was read as something else than sent", where).isEqualTo(sent);
        }
    }
}
