package dev.strata.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestApi;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every string of the Big List of Naughty Strings (the npm package
 * {@code big-list-of-naughty-strings}, kept with its licence under
 * {@code src/test/resources/naughty-strings}) sent as a post body, a display name, an order comment
 * and a SKU: each is either kept and read back exactly as the document says (byte for byte; a
 * display name trimmed of surrounding white space, as documented), or refused with a 400 naming the
 * field. Never a 5xx, never text changed without a word.
 */
class NaughtyStringsTest {

    @RegisterExtension
    static final TestApi api = new TestApi();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static List<String> naughty;
    private static Accounts.SignedIn ada;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream list = NaughtyStringsTest.class.getResourceAsStream("/naughty-strings/blns.json")) {
            naughty = JSON.readValue(list, new TypeReference<List<String>>() { });
        }
        assertThat(naughty).hasSizeGreaterThan(450);
        ada = Accounts.signUpAndIn(api.http);
    }

    /** What happened to one string: kept as {@code readBack}, or refused with {@code refusal}. */
    private record Outcome(String readBack, HttpResult refusal) {
    }

    private static void eachIsKeptOrRefusedByName(String field, int leastKept, Function<String, String> documented,
            Function<String, Outcome> send) {
        List<String> wrong = new ArrayList<>();
        int kept = 0;
        for (String text : naughty) {
            Outcome outcome = send.apply(text);
            if (outcome.refusal() == null) {
                kept++;
                if (!documented.apply(text).equals(outcome.readBack())) {
                    wrong.add("changed " + JSON.valueToTree(text) + " into " + JSON.valueToTree(outcome.readBack()));
                }
            } else if (outcome.refusal().status() != 400 || !names(outcome.refusal(), field)) {
                wrong.add("refused " + JSON.valueToTree(text) + " without naming " + field + ": " + outcome.refusal());
            }
        }
        assertThat(wrong).as("strings not kept as sent nor refused by name").isEmpty();
        assertThat(kept).as("strings kept: the test sends what it says").isGreaterThanOrEqualTo(leastKept);
    }

    private static boolean names(HttpResult refusal, String field) {
        if (!refusal.contentType().startsWith("application/problem+json")) {
            return false;
        }
        for (JsonNode error : refusal.json().path("errors")) {
            if (error.path("field").asText().equals(field)) {
                return true;
            }
        }
        return false;
    }

    private static String json(Object value) {
        return JSON.valueToTree(value).toString();
    }

    @Test
    void postBodiesAreKeptExactlyAsSentOrRefusedByName() {
        eachIsKeptOrRefusedByName("body", naughty.size() / 2, text -> text, text -> {
            ObjectNode body = JSON.createObjectNode().put("body", text);
            HttpResult created = api.http.post("/v1/posts").bearer(ada.token()).json(body.toString()).send();
            if (created.status() != 201) {
                return new Outcome(null, created);
            }
            return kept(created.field("body"), api.http.get("/v1/posts/" + created.field("id")).bearer(ada.token())
                    .send().field("body"));
        });
    }

    @Test
    void displayNamesAreKeptTrimmedAsDocumentedOrRefusedByName() {
        eachIsKeptOrRefusedByName("display_name", naughty.size() / 2, String::strip, text -> {
            HttpResult changed = api.http.patch("/v1/accounts/" + ada.id()).bearer(ada.token()).header("If-Match", "*")
                    .body("application/merge-patch+json", json(java.util.Map.of("display_name", text))).send();
            if (changed.status() != 200) {
                return new Outcome(null, changed);
            }
            return kept(changed.field("display_name"), api.http.get("/v1/accounts/" + ada.id()).bearer(ada.token())
                    .send().field("display_name"));
        });
    }

    @Test
    void orderCommentsAreKeptExactlyAsSentOrRefusedByName() {
        eachIsKeptOrRefusedByName("comment", naughty.size() / 2, text -> text, text -> order(text, "BOOK-42", "comment",
                read -> read.path("comment").asText()));
    }

    @Test
    void skusAreKeptExactlyAsSentOrRefusedByName() {
        // A SKU has a narrow alphabet by design: most naughty strings are refused, by name.
        eachIsKeptOrRefusedByName("items[0].sku", 20, text -> text, text -> order("naughty", text, "items[0].sku",
                read -> read.at("/items/0/sku").asText()));
    }

    private static Outcome order(String comment, String sku, String field, Function<JsonNode, String> readField) {
        ObjectNode order = JSON.createObjectNode().put("currency", "EUR").put("comment", comment);
        order.putArray("items").addObject().put("sku", sku).put("quantity", 1).put("unit_price", "12.50");
        HttpResult created = api.http.post("/v1/orders").bearer(ada.token()).json(order.toString()).send();
        if (created.status() != 201) {
            return new Outcome(null, created);
        }
        JsonNode read = api.http.get("/v1/orders/" + created.field("id")).bearer(ada.token()).send().json();
        return kept(readField.apply(created.json()), readField.apply(read));
    }

    /** What the write answered and what a read gives back, which must be the same text. */
    private static Outcome kept(String answered, String readBack) {
        return new Outcome(java.util.Objects.equals(answered, readBack) ? readBack
                : "answered " + answered + " but reads back " + readBack, null);
    }
}
