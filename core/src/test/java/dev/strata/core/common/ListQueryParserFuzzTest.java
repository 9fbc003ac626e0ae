package dev.strata.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.strata.core.orders.OrderService;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Fuzzes a whole list request in the AIP style (as gRPC and GraphQL take it) against the orders'
 * schema: it reads to a query or is refused with a {@link ValidationException} naming only the
 * request's fields, never another exception; a query that reads writes out to text that reads back
 * to the same query.
 */
class ListQueryParserFuzzTest {

    private static final Set<String> FIELDS = Set.of("filter", "order_by", "page_size", "page_token");

    /** The input is four lines: filter, order_by, page_size (as decimal text) and page_token. */
    @FuzzTest
    void readsAListRequestOrRefusesIt(byte[] data) {
        String[] lines = new String(data, StandardCharsets.UTF_8).split("\n", 4);
        String filter = lines[0];
        String orderBy = lines.length > 1 ? lines[1] : "";
        int pageSize = lines.length > 2 ? pageSizeOf(lines[2]) : 0;
        String pageToken = lines.length > 3 ? lines[3] : "";
        ListQuery query;
        try {
            query = OrderService.QUERY.listQuery(filter, orderBy, pageSize, pageToken);
        } catch (ValidationException refused) {
            assertThat(refused.errors()).extracting(FieldError::field).allMatch(FIELDS::contains);
            return;
        }
        assertThat(query.limit()).isBetween(1, ListQuery.MAX_LIMIT);
        String written = OrderService.QUERY.formatFilter(query.filters());
        ListQuery again = OrderService.QUERY.listQuery(written, ListQueryParser.formatSort(query.sort()), query.limit(),
                query.cursor().map(position -> OrderService.QUERY.pageToken(query, position)).orElse(""));
        assertThat(again).isEqualTo(query);
    }

    private static int pageSizeOf(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException notANumber) {
            return text.length();
        }
    }
}
