package dev.strata.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.strata.core.orders.OrderService;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzzes page tokens as clients send them back: each decodes to a cursor or is refused with a
 * {@link ValidationException} on {@code page_token}, never another exception; a token that decodes
 * is one that encodes back to the same cursor.
 */
class PageTokensFuzzTest {

    private static final List<List<SortKey>> SORTS = List.of(List.of(SortKey.descending("created_at")),
            List.of(SortKey.ascending("amount"), SortKey.descending("created_at")),
            List.of(SortKey.ascending("state"), SortKey.ascending("currency"), SortKey.descending("updated_at")));
    private static final String BINDING = "state=eq:open#";

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
            cursor = PageTokens.decode(token, BINDING, sort, OrderService.QUERY);
        } catch (ValidationException refused) {
            assertThat(refused.errors()).extracting(FieldError::field).containsOnly(PageTokens.PAGE_TOKEN);
            return;
        }
        String again = PageTokens.encode(cursor, BINDING, sort, OrderService.QUERY);
        assertThat(PageTokens.decode(again, BINDING, sort, OrderService.QUERY)).isEqualTo(cursor);
    }
}
