package dev.strata.adapters.rest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.common.FieldError;
import dev.strata.core.common.FieldKind;
import dev.strata.core.common.Filter;
import dev.strata.core.common.KeysetCursor;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.PageTokens;
import dev.strata.core.common.QueryField;
import dev.strata.core.common.QueryOperator;
import dev.strata.core.common.QuerySchema;
import dev.strata.core.common.SortKey;
import dev.strata.core.common.ValidationException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListParametersTest {

    private static final QuerySchema SCHEMA = QuerySchema.of(List.of(
                    QueryField.choice("state", List.of("open", "paid")),
                    QueryField.ordered("amount", FieldKind.DECIMAL),
                    QueryField.ordered("created_at", FieldKind.INSTANT),
                    QueryField.text("sku", Set.of(QueryOperator.EQ, QueryOperator.IN))),
            List.of(SortKey.descending("created_at")), Set.of("id", "state", "amount", "created_at"));

    private static MultivaluedMap<String, String> parameters(String... nameValues) {
        MultivaluedMap<String, String> map = new MultivaluedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            map.add(nameValues[i], nameValues[i + 1]);
        }
        return map;
    }

    private static ListParameters read(String... nameValues) {
        return ListParameters.read(parameters(nameValues), SCHEMA, Set.of());
    }

    private static List<FieldError> errorsOf(String... nameValues) {
        try {
            read(nameValues);
        } catch (ValidationException invalid) {
            return invalid.errors();
        }
        throw new AssertionError("the parameters were accepted");
    }

    @Test
    void noParametersMeanTheDefaultOrderAndLimit() {
        ListQuery query = read().query();

        assertThat(query.filters()).isEmpty();
        assertThat(query.sort()).containsExactly(SortKey.descending("created_at"));
        assertThat(query.limit()).isEqualTo(20);
        assertThat(query.offset()).isZero();
        assertThat(query.cursor()).isEmpty();
    }

    @Test
    void filtersAreReadWithTheirOperatorsAndTypedValues() {
        ListQuery query = read("state", "in:open,paid", "amount", "gte:100", "amount", "lt:20.50",
                "created_at", "gt:2026-01-01T00:00:00Z", "sku", "A-1").query();

        assertThat(query.filters()).containsExactlyInAnyOrder(
                new Filter("state", QueryOperator.IN, List.of("open", "paid")),
                new Filter("amount", QueryOperator.GTE, List.of(new BigDecimal("100"))),
                new Filter("amount", QueryOperator.LT, List.of(new BigDecimal("20.50"))),
                new Filter("created_at", QueryOperator.GT, List.of(Instant.parse("2026-01-01T00:00:00Z"))),
                new Filter("sku", QueryOperator.EQ, List.of("A-1")));
    }

    @Test
    void aTimestampWithColonsIsAnEqualityValue() {
        assertThat(read("created_at", "2026-01-01T00:00:00Z").query().filters())
                .containsExactly(new Filter("created_at", QueryOperator.EQ, List.of(Instant.parse("2026-01-01T00:00:00Z"))));
    }

    @Test
    void sortKeysTakeDirectionsAndASpaceCountsAsPlus() {
        assertThat(read("sort", "-created_at, amount").query().sort())
                .containsExactly(SortKey.descending("created_at"), SortKey.ascending("amount"));
    }

    @Test
    void fieldsAlwaysIncludeTheId() {
        assertThat(read("fields", "state,amount").fields()).containsExactly("id", "state", "amount");
    }

    @Test
    void aLimitAboveTheMaximumOrBelowOneIsRefused() {
        assertThat(read("limit", "100").query().limit()).isEqualTo(100);
        assertThat(errorsOf("limit", "101")).extracting(FieldError::code).containsExactly("out_of_range");
        assertThat(errorsOf("limit", "0")).extracting(FieldError::field).containsExactly("limit");
        assertThat(errorsOf("limit", "ten")).extracting(FieldError::field).containsExactly("limit");
    }

    @Test
    void anOffsetBeyondTheCapIsRefused() {
        assertThat(read("offset", "10000").query().offset()).isEqualTo(10_000);
        assertThat(errorsOf("offset", "10001")).extracting(FieldError::code).containsExactly("offset_too_large");
    }

    @Test
    void everyUnknownNameIsRefusedAtOnce() {
        List<FieldError> errors = errorsOf("colour", "red", "state", "bogus:open", "amount", "like:1*",
                "sort", "-weight,+amount,colour", "fields", "id,secret", "page", "2", "state", "shipped",
                "amount", "gt:ten");

        assertThat(errors).extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("colour", "unknown_parameter"),
                org.assertj.core.groups.Tuple.tuple("page", "unknown_parameter"),
                org.assertj.core.groups.Tuple.tuple("state", "unknown_operator"),
                org.assertj.core.groups.Tuple.tuple("state", "invalid_value"),
                org.assertj.core.groups.Tuple.tuple("amount", "unsupported_operator"),
                org.assertj.core.groups.Tuple.tuple("amount", "invalid_value"),
                org.assertj.core.groups.Tuple.tuple("sort", "unknown_sort_field"),
                org.assertj.core.groups.Tuple.tuple("fields", "unknown_field"));
        assertThat(errors).filteredOn(error -> error.field().equals("sort")).first()
                .satisfies(error -> assertThat(error.message()).contains("weight, colour"));
    }

    @Test
    void aPageTokenRoundTripsForTheSameFiltersAndSort() {
        ListParameters first = read("state", "open", "sort", "+amount");
        KeysetCursor cursor = KeysetCursor.after(List.of(new BigDecimal("12.50")), "ord_x");
        String token = PageTokens.encode(cursor, first.normalized(), first.query().sort(), SCHEMA);

        ListParameters next = read("state", "eq:open", "sort", "amount", "page_token", token);

        assertThat(next.query().cursor()).contains(cursor);
    }

    @Test
    void aPageTokenOfTheOneStringFormPagesTheSameRestList() {
        ListQuery aip = SCHEMA.listQuery("amount=gte:10 AND state=open", "amount desc", 5, "");
        KeysetCursor cursor = KeysetCursor.after(List.of(new BigDecimal("12.50")), "ord_x");

        ListParameters rest = read("state", "eq:open", "amount", "gte:10", "sort", "-amount",
                "page_token", SCHEMA.pageToken(aip, cursor));

        assertThat(rest.query().cursor()).contains(cursor);
        assertThat(rest.query().filters()).containsExactlyInAnyOrderElementsOf(aip.filters());
    }

    @Test
    void aPageTokenIsRefusedWithOtherFiltersOrSortOrWhenMangled() {
        ListParameters first = read("state", "open");
        String token = PageTokens.encode(KeysetCursor.after(List.of(Instant.parse("2026-01-01T00:00:00Z")), "ord_x"),
                first.normalized(), first.query().sort(), SCHEMA);

        assertThat(errorsOf("state", "paid", "page_token", token)).extracting(FieldError::code)
                .containsExactly("page_token_mismatch");
        assertThat(errorsOf("state", "open", "sort", "created_at", "page_token", token)).extracting(FieldError::code)
                .containsExactly("page_token_mismatch");
        assertThat(errorsOf("state", "open", "page_token", "not-a-token")).extracting(FieldError::code)
                .containsExactly("invalid_page_token");
        assertThatThrownBy(() -> read("state", "open", "page_token", token, "offset", "20"))
                .isInstanceOf(ValidationException.class);
    }
}
