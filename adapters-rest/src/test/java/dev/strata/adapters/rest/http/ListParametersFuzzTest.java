package dev.strata.adapters.rest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.strata.adapters.rest.testing.ClientErrors;
import dev.strata.core.orders.OrderService;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Fuzzes REST's reading of a list's query parameters (filters, sort, fields, limit, offset, page
 * tokens): each gives a typed result or a 4xx problem, never anything else. Page tokens on their
 * own, and the one-string form of the language, are fuzzed in core ({@code PageTokensFuzzTest},
 * {@code ListQueryParserFuzzTest}).
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
}
