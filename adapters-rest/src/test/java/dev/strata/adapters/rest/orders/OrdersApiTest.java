package dev.strata.adapters.rest.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.rest.testing.Accounts.SignedIn;
import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.HttpDriver;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestApi;
import dev.strata.contracts.Race;
import dev.strata.core.common.Ids;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrdersApiTest {

    private static TestApi api;
    private static HttpDriver http;
    private SignedIn buyer;

    @BeforeAll
    static void start() {
        api = new TestApi();
        http = api.http;
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void signIn() {
        buyer = Accounts.signUpAndIn(http);
    }

    private HttpResult create() {
        return Orders.create(http, buyer.token(), Orders.BODY);
    }

    private static List<String> errorFields(HttpResult result) {
        return result.json().get("errors").findValuesAsText("field");
    }

    @Test
    void theEntryPointLinksToOrders() {
        assertThat(http.get("/v1").send().json().at("/_links/orders/href").asText()).isEqualTo("/v1/orders");
    }

    @Test
    void anUnsupportedMethodIs405WithAllow() {
        HttpResult refused = http.delete("/v1/orders").bearer(buyer.token()).send();

        assertThat(refused.status()).isEqualTo(405);
        assertThat(refused.header("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET").contains("POST"));
    }

    @Nested
    class Creating {

        @Test
        void answers201WithLocationETagAndTheComputedAmountAsAString() {
            HttpResult created = create();

            String id = created.field("id");
            assertThat(id).startsWith("ord_");
            assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location)
                    .endsWith("/v1/orders/" + id));
            assertThat(created.header("ETag")).isPresent();
            assertThat(created.json().get("amount").isTextual()).isTrue();
            assertThat(created.field("amount")).isEqualTo("20.29");
            assertThat(created.json().at("/items/0/unit_price").asText()).isEqualTo("0.10");
            assertThat(created.field("state")).isEqualTo("open");
            assertThat(created.field("owner_id")).isEqualTo(buyer.id());
            assertThat(created.json().at("/_links/self/href").asText()).isEqualTo("/v1/orders/" + id);
            assertThat(created.json().at("/_links/cancellation/href").asText()).isEqualTo("/v1/orders/" + id + "/cancellation");
        }

        @Test
        void theAmountIsNeverTakenFromTheClient() {
            HttpResult refused = http.post("/v1/orders").bearer(buyer.token())
                    .json("{\"currency\":\"EUR\",\"amount\":\"0.01\",\"items\":[{\"sku\":\"A\",\"quantity\":1,\"unit_price\":\"5\"}]}")
                    .send();

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().at("/errors/0/code").asText()).isEqualTo("read_only_field");
        }

        @Test
        void everyInvalidFieldIsNamed() {
            HttpResult refused = http.post("/v1/orders").bearer(buyer.token())
                    .json("{\"currency\":\"eur\",\"items\":[{\"sku\":\"no spaces\",\"quantity\":0,\"unit_price\":\"1.005\"}],"
                            + "\"comment\":\"" + "x".repeat(1001) + "\"}")
                    .send();

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(errorFields(refused)).containsExactlyInAnyOrder("currency", "items[0].sku",
                    "items[0].quantity", "items[0].unit_price", "comment");
        }

        @Test
        void aPriceMustBeADecimalString() {
            HttpResult number = http.post("/v1/orders").bearer(buyer.token())
                    .json("{\"currency\":\"EUR\",\"items\":[{\"sku\":\"A\",\"quantity\":1,\"unit_price\":1.5}]}").send();
            HttpResult text = http.post("/v1/orders").bearer(buyer.token()).json(Orders.body("EUR", "A", 1, "1e3")).send();

            assertThat(number.status()).isEqualTo(400);
            assertThat(errorFields(number)).containsExactly("items[0].unit_price");
            assertThat(text.status()).isEqualTo(400);
            assertThat(errorFields(text)).containsExactly("items[0].unit_price");
        }

        @Test
        void aPriceWithASignOrALeadingZeroIsRefusedAsTheDocumentSays() {
            for (String price : List.of("-0.00", "-1", "-0", "+1", "0012.50", "00", "01", "00.50")) {
                HttpResult refused = http.post("/v1/orders").bearer(buyer.token())
                        .json(Orders.body("EUR", "A", 1, price)).send();

                assertThat(refused.status()).as(price).isEqualTo(400);
                assertThat(errorFields(refused)).as(price).containsExactly("items[0].unit_price");
            }
            for (String price : List.of("0", "0.5", "0.50", "10", "999999999.99")) {
                HttpResult created = http.post("/v1/orders").bearer(buyer.token())
                        .json(Orders.body("EUR", "A", 1, price)).send();

                assertThat(created.status()).as(price).isEqualTo(201);
            }
        }

        @Test
        void aNullCommentIsRefusedNamingItOnEveryWriteButAMergePatch() {
            String nullComment = "{\"currency\":\"EUR\",\"items\":[{\"sku\":\"A\",\"quantity\":1,"
                    + "\"unit_price\":\"1.00\"}],\"comment\":null}";
            String created = create().field("id");
            String etag = http.get("/v1/orders/" + created).bearer(buyer.token()).send().header("ETag").orElseThrow();

            List<HttpResult> refusals = List.of(
                    http.post("/v1/orders").bearer(buyer.token()).json(nullComment).send(),
                    http.put("/v1/orders/" + Ids.ordered("ord", Clock.systemUTC())).bearer(buyer.token())
                            .json(nullComment).send(),
                    http.put("/v1/orders/" + created).bearer(buyer.token()).header("If-Match", etag)
                            .json(nullComment).send(),
                    http.patch("/v1/orders/" + created).bearer(buyer.token()).header("If-Match", etag)
                            .body("application/json-patch+json",
                                    "[{\"op\":\"replace\",\"path\":\"/comment\",\"value\":null}]").send());

            for (HttpResult refused : refusals) {
                assertThat(refused.status()).as("%s", refused).isEqualTo(400);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(errorFields(refused)).containsExactly("comment");
            }
            HttpResult removed = http.patch("/v1/orders/" + created).bearer(buyer.token()).header("If-Match", etag)
                    .body("application/merge-patch+json", "{\"comment\":null}").send();
            assertThat(removed.status()).isEqualTo(200);
            assertThat(removed.field("comment")).as("a merge patch's null removes it: empty, as documented").isEmpty();
            HttpResult absent = http.post("/v1/orders").bearer(buyer.token()).json(Orders.body("EUR", "A", 1, "1.00"))
                    .send();
            assertThat(absent.status()).isEqualTo(201);
            assertThat(absent.field("comment")).isEmpty();
        }

        @Test
        void aPriceWithThreeDecimalsIsA400NamingThePriceWhicheverWayItIsSent() {
            String tooPrecise = Orders.body("EUR", "A", 1, "1.005");
            String created = create().field("id");
            String etag = http.get("/v1/orders/" + created).bearer(buyer.token()).send().header("ETag").orElseThrow();

            List<HttpResult> refusals = List.of(
                    http.post("/v1/orders").bearer(buyer.token()).json(tooPrecise).send(),
                    http.put("/v1/orders/" + Ids.ordered("ord", Clock.systemUTC())).bearer(buyer.token())
                            .json(tooPrecise).send(),
                    http.put("/v1/orders/" + created).bearer(buyer.token()).header("If-Match", etag)
                            .json(tooPrecise).send(),
                    http.patch("/v1/orders/" + created).bearer(buyer.token()).header("If-Match", etag)
                            .body("application/merge-patch+json",
                                    "{\"items\":[{\"sku\":\"A\",\"quantity\":1,\"unit_price\":\"1.005\"}]}").send());

            for (HttpResult refused : refusals) {
                assertThat(refused.status()).as("a 3-decimal price is the client's error: %s", refused).isEqualTo(400);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.field("code")).isEqualTo("validation_failed");
                assertThat(refused.field("request_id")).isNotBlank();
                assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("items[0].unit_price");
                assertThat(refused.json().at("/errors/0/code").asText()).isEqualTo("too_precise");
                assertThat(refused.json().get("errors")).as("only the price is named").hasSize(1);
            }
            assertThat(http.get("/v1/orders/" + created).bearer(buyer.token()).send().field("amount"))
                    .as("a refused replace or patch leaves the order as it was").isEqualTo("20.29");
        }

        @Test
        void needsABearerToken() {
            HttpResult refused = http.post("/v1/orders").json(Orders.BODY).send();

            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).contains("Bearer");
        }

        @Test
        void preferReturnMinimalAnswers204WithLocationAndETag() {
            HttpResult created = http.post("/v1/orders").bearer(buyer.token()).header("Prefer", "return=minimal")
                    .json(Orders.BODY).send();

            assertThat(created.status()).isEqualTo(204);
            assertThat(created.body()).isEmpty();
            assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location).contains("/v1/orders/ord_"));
            assertThat(created.header("ETag")).isPresent();
            assertThat(created.header("Preference-Applied")).contains("return=minimal");
        }
    }

    @Nested
    class Idempotency {

        @Test
        void aRetryReplaysTheOriginalResponse() {
            HttpResult first = http.post("/v1/orders").bearer(buyer.token()).header("Idempotency-Key", "order-1")
                    .json(Orders.BODY).send();
            HttpResult again = http.post("/v1/orders").bearer(buyer.token()).header("Idempotency-Key", "order-1")
                    .json(Orders.BODY).send();

            assertThat(first.status()).isEqualTo(201);
            assertThat(first.header("Idempotent-Replayed")).isEmpty();
            assertThat(again.status()).isEqualTo(201);
            assertThat(again.header("Idempotent-Replayed")).contains("true");
            assertThat(again.field("id")).isEqualTo(first.field("id"));
            assertThat(again.header("Location")).isPresent().isEqualTo(first.header("Location"));
        }

        @Test
        void theSameKeyWithAnotherPayloadIs422() {
            http.post("/v1/orders").bearer(buyer.token()).header("Idempotency-Key", "order-2").json(Orders.BODY).send();

            HttpResult refused = http.post("/v1/orders").bearer(buyer.token()).header("Idempotency-Key", "order-2")
                    .json(Orders.body("EUR", "OTHER", 1, "1.00")).send();

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.field("code")).isEqualTo("idempotency_key_reused");
        }

        @Test
        void aMalformedKeyIs400() {
            HttpResult refused = http.post("/v1/orders").bearer(buyer.token()).header("Idempotency-Key", "k".repeat(256))
                    .json(Orders.BODY).send();

            assertThat(refused.status()).isEqualTo(400);
            assertThat(errorFields(refused)).containsExactly("Idempotency-Key");
        }

        @Test
        void concurrentDuplicatesMakeExactlyOneOrder() throws InterruptedException {
            List<Race.Outcome> outcomes = Race.of(10, () -> http.post("/v1/orders").bearer(buyer.token())
                    .header("Idempotency-Key", "order-race").json(Orders.BODY).send());

            List<HttpResult> results = outcomes.stream().map(outcome -> (HttpResult) outcome.result()).toList();
            assertThat(results).allSatisfy(result -> assertThat(result.status()).isEqualTo(201));
            assertThat(results.stream().map(result -> result.field("id")).distinct()).hasSize(1);
            assertThat(http.get("/v1/orders").bearer(buyer.token()).send().json().get("data")).hasSize(1);
        }
    }

    @Nested
    class Reading {

        @Test
        void answersWithAnETagAnd304WhenItStillMatches() {
            String id = create().field("id");

            HttpResult read = http.get("/v1/orders/" + id).bearer(buyer.token()).send();
            HttpResult again = http.get("/v1/orders/" + id).bearer(buyer.token())
                    .header("If-None-Match", read.header("ETag").orElseThrow()).send();

            assertThat(read.status()).isEqualTo(200);
            assertThat(read.header("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("private"));
            assertThat(again.status()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
        }

        @Test
        void fieldsSelectAProjectionWithItsOwnETag() {
            String id = create().field("id");

            HttpResult whole = http.get("/v1/orders/" + id).bearer(buyer.token()).send();
            HttpResult some = http.get("/v1/orders/" + id + "?fields=state,amount").bearer(buyer.token()).send();
            HttpResult unknown = http.get("/v1/orders/" + id + "?fields=state,secret").bearer(buyer.token()).send();

            assertThat(some.status()).isEqualTo(200);
            assertThat(some.json().fieldNames()).toIterable().containsExactly("id", "state", "amount");
            assertThat(some.header("ETag")).isPresent().get().isNotEqualTo(whole.header("ETag").orElseThrow());
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.json().at("/errors/0/message").asText()).contains("secret");
        }

        @Test
        void anotherAccountsOrderIsNotFound() {
            String id = create().field("id");
            SignedIn stranger = Accounts.signUpAndIn(http);

            for (HttpResult result : List.of(
                    http.get("/v1/orders/" + id).bearer(stranger.token()).send(),
                    http.put("/v1/orders/" + id).bearer(stranger.token()).header("If-Match", "*").json(Orders.BODY).send(),
                    http.patch("/v1/orders/" + id).bearer(stranger.token()).header("If-Match", "*")
                            .body("application/merge-patch+json", "{}").send(),
                    http.delete("/v1/orders/" + id).bearer(stranger.token()).send(),
                    http.post("/v1/orders/" + id + "/cancellation").bearer(stranger.token()).json("{\"reason\":\"x\"}").send(),
                    http.post("/v1/orders/" + id + "/payment").bearer(stranger.token()).send())) {
                assertThat(result.status()).as(result.toString()).isEqualTo(404);
            }
        }

        @Test
        void aMalformedIdIs400() {
            HttpResult refused = http.get("/v1/orders/ord_nope").bearer(buyer.token()).send();

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().at("/errors/0/code").asText()).isEqualTo("malformed_id");
        }
    }

    @Nested
    class Putting {

        @Test
        void aClientAssignedIdCreatesThenReplacesWithIfMatch() {
            String id = Ids.ordered("ord", Clock.systemUTC());

            HttpResult created = http.put("/v1/orders/" + id).bearer(buyer.token()).json(Orders.BODY).send();
            HttpResult withoutIfMatch = http.put("/v1/orders/" + id).bearer(buyer.token())
                    .json(Orders.body("USD", "Z", 2, "5.00")).send();
            HttpResult stale = http.put("/v1/orders/" + id).bearer(buyer.token()).header("If-Match", "\"old\"")
                    .json(Orders.body("USD", "Z", 2, "5.00")).send();
            HttpResult replaced = http.put("/v1/orders/" + id).bearer(buyer.token())
                    .header("If-Match", created.header("ETag").orElseThrow()).json(Orders.body("USD", "Z", 2, "5.00")).send();

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.field("id")).isEqualTo(id);
            assertThat(withoutIfMatch.status()).isEqualTo(428);
            assertThat(stale.status()).isEqualTo(412);
            assertThat(replaced.status()).isEqualTo(200);
            assertThat(replaced.field("amount")).isEqualTo("10.00");
            assertThat(replaced.field("comment")).isEmpty();
            assertThat(replaced.field("version")).isEqualTo("1");
            assertThat(replaced.header("ETag")).isPresent().get().isNotEqualTo(created.header("ETag").orElseThrow());
        }

        @Test
        void ifNoneMatchStarOnlyCreates() {
            String id = Ids.ordered("ord", Clock.systemUTC());

            HttpResult created = http.put("/v1/orders/" + id).bearer(buyer.token()).header("If-None-Match", "*")
                    .json(Orders.BODY).send();
            HttpResult again = http.put("/v1/orders/" + id).bearer(buyer.token()).header("If-None-Match", "*")
                    .json(Orders.BODY).send();

            assertThat(created.status()).isEqualTo(201);
            assertThat(again.status()).isEqualTo(412);
        }

        @Test
        void aMalformedIdIs400() {
            assertThat(http.put("/v1/orders/ord_123").bearer(buyer.token()).json(Orders.BODY).send().status())
                    .isEqualTo(400);
            assertThat(http.put("/v1/orders/acct_01m7zs0y3yqzq4e4a0cqsm0dwm").bearer(buyer.token()).json(Orders.BODY)
                    .send().status()).isEqualTo(400);
        }

        @Test
        void preferReturnMinimalAnswers204() {
            String id = Ids.ordered("ord", Clock.systemUTC());

            HttpResult created = http.put("/v1/orders/" + id).bearer(buyer.token()).header("Prefer", "return=minimal")
                    .json(Orders.BODY).send();

            assertThat(created.status()).isEqualTo(204);
            assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith(id));
            assertThat(created.header("Preference-Applied")).contains("return=minimal");
        }
    }

    @Nested
    class Deleting {

        @Test
        void answers204ThenTheOrderIsGone() {
            String id = create().field("id");

            assertThat(http.delete("/v1/orders/" + id).bearer(buyer.token()).send().status()).isEqualTo(204);
            assertThat(http.delete("/v1/orders/" + id).bearer(buyer.token()).send().status()).isEqualTo(404);
            assertThat(http.get("/v1/orders/" + id).bearer(buyer.token()).send().status()).isEqualTo(404);
        }

        @Test
        void onlyAnOpenOrderCanBeDeleted() {
            String id = create().field("id");
            http.post("/v1/orders/" + id + "/payment").bearer(buyer.token()).send();

            HttpResult refused = http.delete("/v1/orders/" + id).bearer(buyer.token()).send();

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.field("code")).isEqualTo("order_not_open");
        }
    }

    @Nested
    class Actions {

        @Test
        void aCancellationIsCreatedOnceAndCanBeRead() {
            String id = create().field("id");

            HttpResult cancelled = http.post("/v1/orders/" + id + "/cancellation").bearer(buyer.token())
                    .json("{\"reason\":\"changed my mind\"}").send();
            HttpResult read = http.get("/v1/orders/" + id + "/cancellation").bearer(buyer.token()).send();
            HttpResult twice = http.post("/v1/orders/" + id + "/cancellation").bearer(buyer.token())
                    .json("{\"reason\":\"again\"}").send();
            HttpResult order = http.get("/v1/orders/" + id).bearer(buyer.token()).send();

            assertThat(cancelled.status()).isEqualTo(201);
            assertThat(cancelled.header("Location")).hasValueSatisfying(location -> assertThat(location)
                    .endsWith("/v1/orders/" + id + "/cancellation"));
            assertThat(cancelled.field("reason")).isEqualTo("changed my mind");
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.field("reason")).isEqualTo("changed my mind");
            assertThat(twice.status()).isEqualTo(409);
            assertThat(twice.field("code")).isEqualTo("order_already_cancelled");
            assertThat(order.field("state")).isEqualTo("cancelled");
            assertThat(order.json().get("_links").has("cancellation")).isFalse();
        }

        @Test
        void anOrderIsPaidThenShippedAndThenCannotBeCancelled() {
            String id = create().field("id");

            HttpResult notYet = http.get("/v1/orders/" + id + "/payment").bearer(buyer.token()).send();
            HttpResult shipTooEarly = http.post("/v1/orders/" + id + "/shipment").bearer(buyer.token()).send();
            HttpResult paid = http.post("/v1/orders/" + id + "/payment").bearer(buyer.token()).send();
            HttpResult shipped = http.post("/v1/orders/" + id + "/shipment").bearer(buyer.token()).send();
            HttpResult cancel = http.post("/v1/orders/" + id + "/cancellation").bearer(buyer.token())
                    .json("{\"reason\":\"late\"}").send();

            assertThat(notYet.status()).isEqualTo(404);
            assertThat(shipTooEarly.status()).isEqualTo(409);
            assertThat(paid.status()).isEqualTo(201);
            assertThat(paid.field("state")).isEqualTo("paid");
            assertThat(paid.json().has("reason")).isFalse();
            assertThat(shipped.status()).isEqualTo(201);
            assertThat(shipped.field("state")).isEqualTo("shipped");
            assertThat(cancel.status()).isEqualTo(409);
            assertThat(cancel.field("code")).isEqualTo("order_not_cancellable");
        }

        @Test
        void aCancellationNeedsAReason() {
            String id = create().field("id");

            HttpResult refused = http.post("/v1/orders/" + id + "/cancellation").bearer(buyer.token()).json("{}").send();

            assertThat(refused.status()).isEqualTo(400);
            assertThat(errorFields(refused)).containsExactly("reason");
        }
    }
}
