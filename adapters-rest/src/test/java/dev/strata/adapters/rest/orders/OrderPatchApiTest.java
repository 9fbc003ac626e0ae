package dev.strata.adapters.rest.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.rest.testing.Accounts.SignedIn;
import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.HttpDriver;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestApi;
import dev.strata.contracts.Race;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrderPatchApiTest {

    private static final String MERGE = "application/merge-patch+json";
    private static final String JSON_PATCH = "application/json-patch+json";

    private static TestApi api;
    private static HttpDriver http;
    private SignedIn buyer;
    private String id;
    private String etag;

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
    void createOrder() {
        buyer = Accounts.signUpAndIn(http);
        HttpResult created = Orders.create(http, buyer.token(), Orders.BODY);
        id = created.field("id");
        etag = created.header("ETag").orElseThrow();
    }

    private HttpResult patch(String type, String body) {
        return http.patch("/v1/orders/" + id).bearer(buyer.token()).header("If-Match", etag).body(type, body).send();
    }

    private static List<String> errorFields(HttpResult result) {
        return result.json().get("errors").findValuesAsText("field");
    }

    @Nested
    class MergePatch {

        @Test
        void aValueReplacesAndAnAbsentMemberIsLeftAlone() {
            HttpResult patched = patch(MERGE, "{\"comment\":\"second\"}");

            assertThat(patched.status()).isEqualTo(200);
            assertThat(patched.field("comment")).isEqualTo("second");
            assertThat(patched.field("currency")).isEqualTo("EUR");
            assertThat(patched.field("amount")).isEqualTo("20.29");
            assertThat(patched.field("version")).isEqualTo("1");
            assertThat(patched.header("ETag")).isPresent().get().isNotEqualTo(etag);
        }

        @Test
        void nullRemovesAMemberWhichForTheCommentEmptiesIt() {
            HttpResult patched = patch(MERGE, "{\"comment\":null}");

            assertThat(patched.status()).isEqualTo(200);
            assertThat(patched.field("comment")).isEmpty();
        }

        @Test
        void nullOnARequiredMemberIsRefused() {
            HttpResult refused = patch(MERGE, "{\"currency\":null,\"items\":null}");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(errorFields(refused)).containsExactlyInAnyOrder("currency", "items");
        }

        @Test
        void replacingTheItemsRecomputesTheAmount() {
            HttpResult patched = patch(MERGE, "{\"items\":[{\"sku\":\"Z\",\"quantity\":4,\"unit_price\":\"2.50\"}]}");

            assertThat(patched.status()).isEqualTo(200);
            assertThat(patched.field("amount")).isEqualTo("10.00");
        }

        @Test
        void readOnlyAndUnknownMembersCannotBeChanged() {
            HttpResult refused = patch(MERGE, "{\"amount\":\"1.00\",\"id\":\"ord_x\",\"version\":9,\"state\":\"paid\","
                    + "\"created_at\":null,\"colour\":\"red\"}");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(errorFields(refused)).containsExactlyInAnyOrder("amount", "id", "version", "state", "created_at",
                    "colour");
        }

        @Test
        void ifMatchIsRequiredAndMustBeCurrent() {
            HttpResult missing = http.patch("/v1/orders/" + id).bearer(buyer.token()).body(MERGE, "{}").send();
            patch(MERGE, "{\"comment\":\"moved on\"}");
            HttpResult stale = patch(MERGE, "{\"comment\":\"stale\"}");

            assertThat(missing.status()).isEqualTo(428);
            assertThat(stale.status()).isEqualTo(412);
        }

        @Test
        void preferReturnMinimalAnswers204() {
            HttpResult patched = http.patch("/v1/orders/" + id).bearer(buyer.token()).header("If-Match", etag)
                    .header("Prefer", "return=minimal").body(MERGE, "{\"comment\":\"x\"}").send();

            assertThat(patched.status()).isEqualTo(204);
            assertThat(patched.header("ETag")).isPresent().get().isNotEqualTo(etag);
            assertThat(patched.header("Preference-Applied")).contains("return=minimal");
        }

        @Test
        void onlyAnOpenOrderCanBePatched() {
            HttpResult paid = http.post("/v1/orders/" + id + "/payment").bearer(buyer.token()).send();
            String current = http.get("/v1/orders/" + id).bearer(buyer.token()).send().header("ETag").orElseThrow();
            assertThat(paid.status()).isEqualTo(201);

            HttpResult refused = http.patch("/v1/orders/" + id).bearer(buyer.token()).header("If-Match", current)
                    .body(MERGE, "{\"comment\":\"x\"}").send();

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.field("code")).isEqualTo("order_not_open");
        }
    }

    @Nested
    class JsonPatch {

        @Test
        void operationsApplyInOrder() {
            HttpResult patched = patch(JSON_PATCH, """
                    [{"op":"test","path":"/currency","value":"EUR"},
                     {"op":"replace","path":"/items/0/quantity","value":10},
                     {"op":"copy","from":"/items/1/sku","path":"/comment"},
                     {"op":"add","path":"/items/-","value":{"sku":"C","quantity":1,"unit_price":"0.01"}},
                     {"op":"remove","path":"/items/1"}]""");

            assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
            assertThat(patched.field("amount")).isEqualTo("1.01");
            assertThat(patched.field("comment")).isEqualTo("B-2");
            assertThat(patched.json().get("items")).hasSize(2);
        }

        @Test
        void aFailedTestIs409AndChangesNothing() {
            HttpResult refused = patch(JSON_PATCH, """
                    [{"op":"replace","path":"/comment","value":"changed"},
                     {"op":"test","path":"/currency","value":"USD"}]""");

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.field("code")).isEqualTo("patch_test_failed");
            assertThat(http.get("/v1/orders/" + id).bearer(buyer.token()).send().field("comment")).isEqualTo("first");
        }

        @Test
        void removingAMissingPathIs422() {
            HttpResult refused = patch(JSON_PATCH, "[{\"op\":\"remove\",\"path\":\"/nothing\"}]");

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.field("code")).isEqualTo("patch_not_applicable");
        }

        @Test
        void movingAValueIntoItselfIs422() {
            HttpResult refused = patch(JSON_PATCH, "[{\"op\":\"move\",\"from\":\"/items\",\"path\":\"/items/0\"}]");

            assertThat(refused.status()).isEqualTo(422);
        }

        @Test
        void aMalformedPatchDocumentIs400() {
            assertThat(patch(JSON_PATCH, "{\"op\":\"remove\"}").field("code")).isEqualTo("malformed_patch");
            assertThat(patch(JSON_PATCH, "[{\"op\":\"jump\",\"path\":\"/a\"}]").status()).isEqualTo(400);
            assertThat(patch(JSON_PATCH, "[{\"op\":\"add\",\"path\":\"/comment\"}]").status()).isEqualTo(400);
        }

        @Test
        void atMostTheDocumentedThousandOperationsAreApplied() {
            String test = "{\"op\":\"test\",\"path\":\"/currency\",\"value\":\"EUR\"}";

            HttpResult tooMany = patch(JSON_PATCH, "[" + String.join(",", Collections.nCopies(1001, test)) + "]");
            HttpResult enough = patch(JSON_PATCH, "[" + String.join(",", Collections.nCopies(1000, test)) + "]");

            assertThat(tooMany.status()).isEqualTo(400);
            assertThat(tooMany.field("code")).isEqualTo("malformed_patch");
            assertThat(enough.status()).isEqualTo(200);
        }

        @Test
        void membersAnOperationDoesNotDefineAreIgnoredAsRfc6902AndTheDocumentSay() {
            HttpResult patched = patch(JSON_PATCH,
                    "[{\"op\":\"replace\",\"path\":\"/comment\",\"value\":\"z\",\"extra\":true}]");

            assertThat(patched.status()).isEqualTo(200);
            assertThat(patched.field("comment")).isEqualTo("z");
        }

        @Test
        void readOnlyMembersCannotBePatched() {
            HttpResult refused = patch(JSON_PATCH, "[{\"op\":\"replace\",\"path\":\"/amount\",\"value\":\"0.01\"},"
                    + "{\"op\":\"remove\",\"path\":\"/owner_id\"}]");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(errorFields(refused)).containsExactlyInAnyOrder("amount", "owner_id");
        }

        @Test
        void thePatchedOrderIsValidatedLikeANewOne() {
            HttpResult refused = patch(JSON_PATCH, "[{\"op\":\"replace\",\"path\":\"/items/0/quantity\",\"value\":0},"
                    + "{\"op\":\"replace\",\"path\":\"/currency\",\"value\":\"eu\"}]");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(errorFields(refused)).containsExactlyInAnyOrder("items[0].quantity", "currency");
        }
    }

    @Test
    void anotherMediaTypeIs415WithAcceptPatch() {
        HttpResult refused = patch("application/json", "{\"comment\":\"x\"}");

        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.header("Accept-Patch")).hasValueSatisfying(value -> assertThat(value)
                .contains(MERGE).contains(JSON_PATCH));
    }

    @Test
    void ofTwentyConcurrentPatchesWithOneIfMatchExactlyOneSucceeds() throws InterruptedException {
        List<Race.Outcome> outcomes = Race.of(20, () -> patch(MERGE, "{\"comment\":\"" + Thread.currentThread().getName() + "\"}"));

        List<Integer> statuses = outcomes.stream().map(outcome -> ((HttpResult) outcome.result()).status()).toList();
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 412).hasSize(19);
        assertThat(http.get("/v1/orders/" + id).bearer(buyer.token()).send().field("version")).isEqualTo("1");
    }
}
