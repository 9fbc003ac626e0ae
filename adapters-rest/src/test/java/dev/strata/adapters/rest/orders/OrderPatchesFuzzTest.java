package dev.strata.adapters.rest.orders;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.http.JsonMapper;
import dev.strata.adapters.rest.testing.ClientErrors;
import dev.strata.core.identity.AccountId;
import dev.strata.core.orders.Order;
import dev.strata.core.orders.OrderId;
import dev.strata.core.orders.OrderItem;
import dev.strata.core.orders.OrderState;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Fuzzes PATCH of an order, merge patch (RFC 7396) and JSON Patch (RFC 6902): any document either
 * yields the order's new content or a 4xx problem, never another failure. The input is the patch
 * document's text; what is not JSON at all is the reader's to refuse (its own fuzz target).
 */
class OrderPatchesFuzzTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.123456Z");
    private static final Order ORDER = new Order(OrderId.generate(Clock.systemUTC()),
            AccountId.generate(Clock.systemUTC()), OrderState.OPEN, "EUR",
            List.of(new OrderItem("BOOK-1", 2, new BigDecimal("12.50")), new OrderItem("PEN-7", 3, new BigDecimal("1.99"))),
            new BigDecimal("30.97"), "gift", NOW, NOW, 3, Optional.empty(), Optional.empty(), Optional.empty());

    @FuzzTest
    void mergePatchGivesAnOrderOrA4xx(byte[] data) {
        JsonNode patch = parse(data);
        if (data.length == 0 || patch != null) {
            try {
                OrderPatches.mergePatch(ORDER, patch).toDraft();
            } catch (RuntimeException refused) {
                ClientErrors.assertClientError(refused);
            }
        }
    }

    @FuzzTest
    void jsonPatchGivesAnOrderOrA4xx(byte[] data) {
        JsonNode patch = parse(data);
        if (data.length == 0 || patch != null) {
            try {
                OrderPatches.jsonPatch(ORDER, patch).toDraft();
            } catch (RuntimeException refused) {
                ClientErrors.assertClientError(refused);
            }
        }
    }

    /** The patch as the JSON reader hands it to the resource: null for an empty body. */
    private static JsonNode parse(byte[] data) {
        try {
            JsonNode read = JsonMapper.mapper().readTree(data);
            return read == null || read.isMissingNode() ? null : read;
        } catch (IOException notJson) {
            return null;
        }
    }
}
