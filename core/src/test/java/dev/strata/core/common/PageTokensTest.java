package dev.strata.core.common;

import static dev.strata.core.common.ListQuerySchemas.THINGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Page tokens: opaque, bound to the filters and order they were minted for, the same in every style. */
class PageTokensTest {

    private static final Instant NEW_YEAR = Instant.parse("2026-01-01T00:00:00.123456Z");

    private static void assertRefused(Runnable reading, String code) {
        assertThatThrownBy(reading::run).isInstanceOfSatisfying(ValidationException.class,
                refused -> assertThat(refused.errors()).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("page_token");
                    assertThat(error.code()).isEqualTo(code);
                }));
    }

    @Test
    void aTokenReadsBackToItsCursorForTheSameFilterInAnySpellingAndOrder() {
        ListQuery first = THINGS.listQuery("state=open AND amount=gt:1.5", "amount desc", 10, "");
        KeysetCursor position = KeysetCursor.after(List.of(new BigDecimal("12.50")), "ord_01");

        String token = THINGS.pageToken(first, position);
        ListQuery next = THINGS.listQuery("amount=gt:1.5 AND state=eq:open", "-amount", 50, token);

        assertThat(next.cursor()).contains(position);
        assertThat(next.limit()).isEqualTo(50);
        assertThat(token).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aTokenIsRefusedWithOtherFiltersOrAnotherOrder() {
        ListQuery first = THINGS.listQuery("state=open", "", 10, "");
        String token = THINGS.pageToken(first, KeysetCursor.after(List.of(NEW_YEAR), "ord_01"));

        assertRefused(() -> THINGS.listQuery("state=paid", "", 10, token), "page_token_mismatch");
        assertRefused(() -> THINGS.listQuery("", "", 10, token), "page_token_mismatch");
        assertRefused(() -> THINGS.listQuery("state=open", "created_at", 10, token), "page_token_mismatch");
        assertRefused(() -> THINGS.listQuery("state=open", "created_at desc, amount", 10, token), "page_token_mismatch");
        assertThat(THINGS.listQuery("state=open", "created_at desc", 10, token).cursor()).isPresent();
    }

    @Test
    void aTokenThatDoesNotDecodeIsInvalid() {
        String binding = ListQueryParser.binding(THINGS, List.of(), List.of(SortKey.descending("created_at")), List.of());
        String good = PageTokens.encode(KeysetCursor.after(List.of(NEW_YEAR), "ord_01"), binding,
                List.of(SortKey.descending("created_at")), THINGS);
        byte[] bytes = Base64.getUrlDecoder().decode(good);
        for (String bad : List.of("not-a-token!", "aGVsbG8", "", "A".repeat(PageTokens.MAX_TOKEN_LENGTH + 1),
                good.substring(0, good.length() - 3), good + "AAAA", tampered(bytes, 0, (byte) 1),
                tampered(bytes, 17, (byte) 7))) {
            assertRefused(() -> PageTokens.decode(bad, binding, List.of(SortKey.descending("created_at")), THINGS),
                    "invalid_page_token");
        }
    }

    @Test
    void aTokenWhoseValueIsNotOfTheSortFieldsKindIsInvalid() {
        List<SortKey> byAmount = List.of(SortKey.ascending("amount"));
        List<SortKey> byState = List.of(SortKey.ascending("state"));
        String binding = ListQueryParser.binding(THINGS, List.of(), byAmount, List.of());
        // Minted as if by state (text), offered where amount (a decimal) is expected, under the same binding.
        String token = PageTokens.encode(KeysetCursor.after(List.of("open"), "ord_01"), binding, byState, THINGS);

        assertRefused(() -> PageTokens.decode(token, binding, byAmount, THINGS), "invalid_page_token");
    }

    @Test
    void anIdOrValueWithAControlCharacterIsInvalid() {
        List<SortKey> byState = List.of(SortKey.ascending("state"));
        String binding = ListQueryParser.binding(THINGS, List.of(), byState, List.of());
        for (KeysetCursor forged : List.of(KeysetCursor.after(List.of("open"), "ord\u0000"),
                KeysetCursor.after(List.of("op\u0000en"), "ord_01"), KeysetCursor.after(List.of("open"), ""))) {
            String token = PageTokens.encode(forged, binding, byState, THINGS);
            assertRefused(() -> PageTokens.decode(token, binding, byState, THINGS), "invalid_page_token");
        }
    }

    @Test
    void theNextPageTokenFollowsTheLastItemOrIsEmptyAtTheEnd() {
        record Thing(String id, BigDecimal amount) {
        }
        ListQuery query = THINGS.listQuery("", "amount", 2, "");
        Page<Thing> more = new Page<>(List.of(new Thing("t1", BigDecimal.ONE), new Thing("t2", BigDecimal.TEN)), true);

        String next = THINGS.nextPageToken(query, more, (thing, field) -> thing.amount(), Thing::id);

        assertThat(THINGS.listQuery("", "amount asc", 2, next).cursor())
                .contains(KeysetCursor.after(List.of(BigDecimal.TEN), "t2"));
        assertThat(THINGS.nextPageToken(query, new Page<>(more.items(), false), (thing, field) -> thing.amount(),
                Thing::id)).isEmpty();
        assertThat(THINGS.nextPageToken(query, new Page<Thing>(List.of(), false), (thing, field) -> thing.amount(),
                Thing::id)).isEmpty();
    }

    @Test
    void theBindingIsRestsCanonicalFormSoTokensPassBetweenStyles() {
        List<Filter> filters = THINGS.parseFilter("state=open AND amount=gte:2");
        assertThat(ListQueryParser.binding(THINGS, filters, List.of(SortKey.ascending("amount")), List.of("q=war")))
                .isEqualTo("amount=gte:2&q=war&state=eq:open#+amount");
    }

    private static String tampered(byte[] bytes, int index, byte value) {
        byte[] copy = bytes.clone();
        copy[index] = value;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(copy);
    }
}
