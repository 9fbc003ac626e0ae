package dev.strata.adapters.rest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.strata.adapters.rest.testing.ClientErrors;
import dev.strata.core.common.KeysetCursor;
import dev.strata.core.common.SortKey;
import dev.strata.core.orders.OrderService;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Fuzzes the list machinery: query parameters (filters, sort, fields, limit, offset, page tokens)
 * and page tokens on their own. Each gives a typed result or a 4xx problem, never anything else;
 * a token that decodes is one that encodes back to the same cursor.
 */
class ListParametersFuzzTest {

    /** The input as a decoded query string: {@code name=value} pairs joined by {@code &}. */
    @FuzzTest
    void readsAQueryOrRefusesIt(byte[] data) {
        MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
        for (String pair : new String(data, StandardCharsets.UTF_8).split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                parameters.add(pair, "");
            } else {
                parameters.add(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        try {
            ListParameters read = ListParameters.read(parameters, OrderService.QUERY, Set.of("q"));
            assertThat(read.query().limit()).isBetween(1, 100);
            assertThat(read.query().offset()).isNotNegative();
        } catch (RuntimeException refused) {
            ClientErrors.assertClientError(refused);
        }
    }

    private static final List<List<SortKey>> SORTS = List.of(List.of(SortKey.descending("created_at")),
            List.of(SortKey.ascending("amount"), SortKey.descending("created_at")),
            List.of(SortKey.ascending("state"), SortKey.ascending("currency"), SortKey.descending("updated_at")));

    /** The first byte picks a sort; the rest is the token, as a client sends it back. */
    @FuzzTest
    void decodesAPageTokenOrRefusesIt(byte[] data) {
        if (data.length == 0) {
            return;
        }
        List<SortKey> sort = SORTS.get(Math.floorMod(data[0] - '0', SORTS.size()));
        String token = new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
        KeysetCursor cursor;
        try {
            cursor = PageTokens.decode(token, "state=eq:open#", sort, OrderService.QUERY);
        } catch (RuntimeException refused) {
            ClientErrors.assertClientError(refused);
            return;
        }
        String again = PageTokens.encode(cursor, "state=eq:open#", sort, OrderService.QUERY);
        assertThat(PageTokens.decode(again, "state=eq:open#", sort, OrderService.QUERY)).isEqualTo(cursor);
    }
}
