package dev.strata.adapters.rest.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestApi;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The disagreements between the document and the server that were found by reading one against
 * the other, each pinned down (the contract fuzzer covers the whole class), and text that is kept
 * exactly as sent or normalised only as the document says.
 */
class DocumentAndServerAgreeTest {

    @RegisterExtension
    static final TestApi api = new TestApi();

    private static JsonNode document;
    private static Accounts.SignedIn ada;

    @BeforeAll
    static void start() {
        document = api.http.get("/v1/openapi.json").send().json();
        ada = Accounts.signUpAndIn(api.http);
    }

    private static List<String> fieldsOf(HttpResult result) {
        assertThat(result.status()).as(result.toString()).isEqualTo(400);
        assertThat(result.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        result.json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    @Test
    void aLimitAboveTheDocumentedMaximumIsRefusedNotClamped() {
        assertThat(document.at("/components/parameters/limit/schema/maximum").asInt()).isEqualTo(100);
        assertThat(api.http.get("/v1/posts?limit=100").bearer(ada.token()).send().status()).isEqualTo(200);

        assertThat(fieldsOf(api.http.get("/v1/posts?limit=101").bearer(ada.token()).send())).containsExactly("limit");
        assertThat(fieldsOf(api.http.get("/v1/orders?limit=1000").bearer(ada.token()).send())).containsExactly("limit");
    }

    @Test
    void currencyAndSkuFiltersHaveTheShapesOfCurrenciesAndSkus() {
        assertThat(fieldsOf(api.http.get("/v1/orders?currency=" + "E".repeat(513)).bearer(ada.token()).send()))
                .containsExactly("currency");
        assertThat(fieldsOf(api.http.get("/v1/orders?currency=eur").bearer(ada.token()).send()))
                .containsExactly("currency");
        assertThat(fieldsOf(api.http.get("/v1/orders?sku=" + "A".repeat(6601)).bearer(ada.token()).send()))
                .containsExactly("sku");
        assertThat(fieldsOf(api.http.get("/v1/orders?sku=in:BOOK-42,a%20b").bearer(ada.token()).send()))
                .containsExactly("sku");
        assertThat(api.http.get("/v1/orders?currency=in:EUR,USD&sku=BOOK-42").bearer(ada.token()).send().status())
                .isEqualTo(200);
        JsonNode currency = document.at("/paths/~1v1~1orders/get/parameters").findValue("pattern");
        assertThat(currency).as("the filters' patterns are in the document").isNotNull();
    }

    @Test
    void aPatchOfAPostThatGivesNoBodyIsRefusedByName() {
        String post = api.http.post("/v1/posts").bearer(ada.token()).json("{\"body\":\"hello\"}").send().field("id");

        HttpResult empty = api.http.patch("/v1/posts/" + post).bearer(ada.token()).header("If-Match", "*")
                .body("application/merge-patch+json", "{}").send();

        assertThat(fieldsOf(empty)).containsExactly("body");
        assertThat(document.at("/components/schemas/NewPost/required").toString()).contains("body");
    }

    @Test
    void aSignInWithoutEmailOrPasswordIsA400NamingThemAndAWrongPasswordStaysA401() {
        assertThat(fieldsOf(api.http.post("/v1/sessions").json("{}").send()))
                .containsExactlyInAnyOrder("email", "password");
        assertThat(fieldsOf(api.http.post("/v1/sessions").json("{\"email\":\"" + ada.email() + "\"}").send()))
                .containsExactly("password");
        assertThat(fieldsOf(api.http.post("/v1/sessions").json("{\"password\":\"whatever it is\"}").send()))
                .containsExactly("email");

        HttpResult wrong = api.http.post("/v1/sessions")
                .json("{\"email\":\"" + ada.email() + "\",\"password\":\"not the password\"}").send();
        HttpResult unknown = api.http.post("/v1/sessions")
                .json("{\"email\":\"nobody-" + ada.id() + "@example.com\",\"password\":\"not the password\"}").send();
        assertThat(wrong.status()).isEqualTo(unknown.status()).isEqualTo(401);
        assertThat(wrong.field("code")).isEqualTo(unknown.field("code"));
    }

    @Test
    void aRequestIdIsOneTo128SafeCharactersInTheDocumentAndOnTheServer() {
        JsonNode schema = document.at("/components/parameters/Request-Id/schema");
        assertThat(schema.get("maxLength").asInt()).isEqualTo(128);
        assertThat(schema.get("pattern").asText()).isEqualTo("^[A-Za-z0-9._:-]{1,128}$");
        String longest = "r".repeat(128);

        assertThat(api.http.get("/v1").header("Request-Id", longest).send().header("Request-Id")).contains(longest);
        HttpResult tooLong = api.http.get("/v1").header("Request-Id", longest + "r").send();
        assertThat(fieldsOf(tooLong)).containsExactly("Request-Id");
        assertThat(tooLong.header("Request-Id").orElseThrow()).isNotEqualTo(longest + "r").matches("[A-Za-z0-9._:-]+");
        assertThat(fieldsOf(api.http.get("/v1").header("Request-Id", "a/b").send())).containsExactly("Request-Id");
    }

    @Test
    void theSessionAliasPatternIsAnchored() {
        JsonNode alias = document.at("/paths/~1v1~1sessions~1{alias}/get/parameters").findParent("pattern");

        assertThat(alias.get("pattern").asText()).isEqualTo("^(me|mine)$");
        assertThat(api.http.get("/v1/sessions/xmex").bearer(ada.token()).send().status()).isEqualTo(404);
    }

    @Test
    void aPostBodyIsKeptExactlyAsSentSurroundingWhitespaceIncluded() {
        String body = "\u2029\u3000 Hello \t\n\u3000\u2029";
        String json = JsonNodeFactory.instance.objectNode().put("body", body).toString();

        HttpResult created = api.http.post("/v1/posts").bearer(ada.token()).json(json).send();

        assertThat(created.field("body")).isEqualTo(body);
        assertThat(api.http.get("/v1/posts/" + created.field("id")).bearer(ada.token()).send().field("body"))
                .isEqualTo(body);
        assertThat(fieldsOf(api.http.post("/v1/posts").bearer(ada.token())
                .json("{\"body\":\"\\u2029\\u3000 \\t\"}").send())).containsExactly("body");
    }

    @Test
    void aDisplayNameIsTrimmedAsTheDocumentSaysAndTheAnswerShowsIt() {
        HttpResult changed = api.http.patch("/v1/accounts/" + ada.id()).bearer(ada.token()).header("If-Match", "*")
                .body("application/merge-patch+json", "{\"display_name\":\"\\u3000Ada King\\u2029\"}").send();

        assertThat(changed.field("display_name")).isEqualTo("Ada King");
        assertThat(document.at("/components/schemas/AccountChanges/properties/display_name/description").asText())
                .contains("Surrounding white space").contains("U+00A0").contains("removed");
        assertThat(document.at("/components/schemas/NewPost/properties/body/description").asText())
                .contains("exactly as sent");
    }
}
