package dev.strata.adapters.rest.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.Accounts.SignedIn;
import dev.strata.adapters.rest.testing.HttpDriver;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestApi;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/orders}: filters, sort, fields and both kinds of pages, over one buyer's 12 orders. */
class OrdersListApiTest {

    private static TestApi api;
    private static HttpDriver http;
    private static SignedIn buyer;
    /** The buyer's orders as created: id, state, currency, amount, sku, created_at. */
    private static final List<JsonNode> ORDERS = new ArrayList<>();

    @BeforeAll
    static void createOrders() {
        api = new TestApi();
        http = api.http;
        buyer = Accounts.signUpAndIn(http);
        String[] prices = {"5.00", "20.50", "150.00", "20.49", "99.99", "100.00"};
        for (int i = 0; i < 12; i++) {
            api.clock.advance(Duration.ofSeconds(1));
            HttpResult created = Orders.create(http, buyer.token(),
                    Orders.body(i % 3 == 0 ? "USD" : "EUR", "SKU-" + (i % 4), 1, prices[i % prices.length]));
            String id = created.field("id");
            if (i % 4 == 1) {
                http.post("/v1/orders/" + id + "/payment").bearer(buyer.token()).send();
            } else if (i % 4 == 2) {
                http.post("/v1/orders/" + id + "/cancellation").bearer(buyer.token()).json("{\"reason\":\"r\"}").send();
            }
            ORDERS.add(http.get("/v1/orders/" + id).bearer(buyer.token()).send().json());
        }
        // Another buyer's order never shows up.
        Orders.create(http, Accounts.signUpAndIn(http).token(), Orders.BODY);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static HttpResult list(String query) {
        return http.get("/v1/orders" + query).bearer(buyer.token()).send();
    }

    private static List<String> ids(HttpResult result) {
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        return StreamSupport.stream(result.json().get("data").spliterator(), false).map(item -> item.get("id").asText())
                .toList();
    }

    private static List<String> expected(Predicate<JsonNode> filter, Comparator<JsonNode> order) {
        return ORDERS.stream().filter(filter).sorted(order).map(order1 -> order1.get("id").asText()).toList();
    }

    private static final Comparator<JsonNode> NEWEST_FIRST =
            Comparator.comparing((JsonNode order) -> order.get("created_at").asText()).reversed();

    private static BigDecimal amount(JsonNode order) {
        return new BigDecimal(order.get("amount").asText());
    }

    private static List<String> follow(String firstPath, String rel) {
        List<String> seen = new ArrayList<>();
        HttpResult page = list(firstPath);
        seen.addAll(ids(page));
        while (link(page, rel) != null) {
            page = http.get(link(page, rel)).bearer(buyer.token()).send();
            seen.addAll(ids(page));
        }
        return seen;
    }

    private static String link(HttpResult result, String rel) {
        Matcher matcher = Pattern.compile("<([^>]*)>; rel=\"" + rel + "\"").matcher(result.header("Link").orElse(""));
        return matcher.find() ? matcher.group(1) : null;
    }

    @Test
    void theDefaultIsNewestFirstTwentyAtATime() {
        HttpResult page = list("");

        assertThat(ids(page)).isEqualTo(expected(order -> true, NEWEST_FIRST));
        assertThat(page.json().get("has_more").asBoolean()).isFalse();
        assertThat(page.json().get("next").isNull()).isTrue();
        assertThat(link(page, "first")).endsWith("/v1/orders");
    }

    @Test
    void everyFilterSelectsWhatItSays() {
        assertThat(ids(list("?state=open"))).isEqualTo(expected(order -> order.get("state").asText().equals("open"), NEWEST_FIRST));
        assertThat(ids(list("?state=in:open,paid"))).isEqualTo(expected(
                order -> !order.get("state").asText().equals("cancelled"), NEWEST_FIRST));
        assertThat(ids(list("?amount=gte:100"))).isEqualTo(expected(
                order -> amount(order).compareTo(new BigDecimal("100")) >= 0, NEWEST_FIRST)).isNotEmpty();
        assertThat(ids(list("?amount=lt:20.50"))).isEqualTo(expected(
                order -> amount(order).compareTo(new BigDecimal("20.50")) < 0, NEWEST_FIRST)).isNotEmpty();
        String sixth = ORDERS.get(5).get("created_at").asText();
        assertThat(ids(list("?created_at=gt:" + sixth))).isEqualTo(ORDERS.subList(6, 12).stream()
                .sorted(NEWEST_FIRST).map(order -> order.get("id").asText()).toList());
        assertThat(ids(list("?currency=USD"))).isEqualTo(expected(
                order -> order.get("currency").asText().equals("USD"), NEWEST_FIRST)).hasSize(4);
        assertThat(ids(list("?sku=SKU-1"))).isEqualTo(expected(
                order -> order.at("/items/0/sku").asText().equals("SKU-1"), NEWEST_FIRST)).hasSize(3);
        assertThat(ids(list("?state=ne:cancelled&currency=EUR&amount=lte:100"))).isEqualTo(expected(
                order -> !order.get("state").asText().equals("cancelled") && order.get("currency").asText().equals("EUR")
                        && amount(order).compareTo(new BigDecimal("100")) <= 0, NEWEST_FIRST)).isNotEmpty();
    }

    @Test
    void sortKeysApplyInOrderWithTheIdLast() {
        Comparator<JsonNode> byAmountThenNewest = Comparator.comparing(OrdersListApiTest::amount)
                .thenComparing(NEWEST_FIRST).thenComparing(order -> order.get("id").asText(), Comparator.reverseOrder());

        assertThat(ids(list("?sort=%2Bamount,-created_at"))).isEqualTo(expected(order -> true, byAmountThenNewest));
        assertThat(ids(list("?sort=-created_at,+amount"))).isEqualTo(expected(order -> true, NEWEST_FIRST));
    }

    @Test
    void fieldsProjectEveryItem() {
        HttpResult page = list("?fields=state,amount&limit=3");

        assertThat(page.json().get("data")).hasSize(3).allSatisfy(item -> assertThat(item.fieldNames()).toIterable()
                .containsExactly("id", "state", "amount"));
    }

    @Test
    void keysetPagesFollowNextToTheEndAndPrevBack() {
        List<String> forward = follow("?state=in:open,paid&sort=%2Bamount&limit=3", "next");

        Comparator<JsonNode> byAmount = Comparator.comparing(OrdersListApiTest::amount)
                .thenComparing(order -> order.get("id").asText());
        assertThat(forward).isEqualTo(expected(order -> !order.get("state").asText().equals("cancelled"), byAmount));

        HttpResult first = list("?state=in:open,paid&sort=%2Bamount&limit=3");
        HttpResult second = http.get(link(first, "next")).bearer(buyer.token()).send();
        HttpResult back = http.get(link(second, "prev")).bearer(buyer.token()).send();
        assertThat(link(first, "prev")).isNull();
        assertThat(link(first, "next")).contains("?state=in:open,paid&sort=%2Bamount&limit=3&page_token=");
        assertThat(first.json().get("next").asText()).isEqualTo(link(first, "next"));
        assertThat(link(second, "first")).contains("state=in:open,paid").doesNotContain("page_token");
        assertThat(ids(back)).isEqualTo(ids(first));
    }

    @Test
    void keysetPagesNeitherSkipNorRepeatWhileOrdersAreCreated() {
        // A buyer of its own, so that the orders created here leave the other tests' list alone.
        SignedIn other = Accounts.signUpAndIn(http);
        List<String> original = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            api.clock.advance(Duration.ofSeconds(1));
            original.add(Orders.create(http, other.token(), Orders.body("EUR", "OLD", 1, (i % 3) + ".00")).field("id"));
        }
        List<String> seen = new ArrayList<>();
        HttpResult page = http.get("/v1/orders?sort=-created_at&limit=3").bearer(other.token()).send();
        seen.addAll(ids(page));
        while (link(page, "next") != null) {
            api.clock.advance(Duration.ofSeconds(1));
            Orders.create(http, other.token(), Orders.body("EUR", "NEW", 1, "1.00"));
            page = http.get(link(page, "next")).bearer(other.token()).send();
            seen.addAll(ids(page));
        }
        assertThat(new HashSet<>(seen)).hasSize(seen.size());
        assertThat(seen).containsExactlyElementsOf(original.reversed());
    }

    @Test
    void offsetPagesLinkByOffset() {
        HttpResult second = list("?sort=-created_at&offset=5&limit=5");

        assertThat(ids(second)).isEqualTo(expected(order -> true, NEWEST_FIRST).subList(5, 10));
        assertThat(link(second, "next")).contains("offset=10").contains("sort=-created_at");
        assertThat(link(second, "prev")).contains("offset=0");
        assertThat(follow("?offset=0&limit=5", "next")).hasSize(ORDERS.size());
    }

    @Test
    void limitsAndOffsetsAreBounded() {
        assertThat(list("?limit=100").status()).isEqualTo(200);
        assertThat(list("?limit=1000").status()).isEqualTo(400);
        assertThat(list("?limit=0").status()).isEqualTo(400);
        assertThat(list("?offset=10000").status()).isEqualTo(200);
        HttpResult tooDeep = list("?offset=10001");
        assertThat(tooDeep.status()).isEqualTo(400);
        assertThat(tooDeep.json().at("/errors/0/code").asText()).isEqualTo("offset_too_large");
    }

    @Test
    void unknownNamesAreRefusedAllAtOnce() {
        HttpResult refused = list("?colour=red&sort=-weight&fields=id,secret&state=maybe&amount=between:1");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("colour", "sort", "fields", "state", "amount");
    }

    @Test
    void aPageTokenIsBoundToItsFiltersAndSort() {
        String next = link(list("?state=open&limit=1"), "next");
        String token = next.substring(next.indexOf("page_token=") + "page_token=".length());

        HttpResult refused = list("?state=paid&limit=1&page_token=" + token);
        HttpResult garbage = list("?state=open&page_token=xyz");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/code").asText()).isEqualTo("page_token_mismatch");
        assertThat(garbage.status()).isEqualTo(400);
    }

    @Test
    void aListHasAnETagAndAnswers304() {
        HttpResult page = list("?state=open");
        HttpResult again = http.get("/v1/orders?state=open").bearer(buyer.token())
                .header("If-None-Match", page.header("ETag").orElseThrow()).send();

        assertThat(again.status()).isEqualTo(304);
    }
}
