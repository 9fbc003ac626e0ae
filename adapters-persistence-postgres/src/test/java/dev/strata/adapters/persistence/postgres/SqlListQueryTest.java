package dev.strata.adapters.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.common.Filter;
import dev.strata.core.common.KeysetCursor;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.QueryOperator;
import dev.strata.core.common.SortKey;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SqlListQueryTest {

    private static final SqlListQuery SQL = new SqlListQuery(Map.of(
            "amount", SqlListQuery.column("t.amount"),
            "title", SqlListQuery.column("t.title"),
            "tag", SqlListQuery.exists("FROM tags g WHERE g.thing_id = t.id", "g.tag")), "t.id");

    @Test
    void everyValueIsBoundAndNoneIsSpliced() {
        SqlListQuery.Rendered rendered = SQL.render(new ListQuery(List.of(
                new Filter("title", QueryOperator.EQ, List.of("x' OR 1=1 --")),
                new Filter("amount", QueryOperator.IN, List.of(BigDecimal.ONE, BigDecimal.TEN))),
                List.of(SortKey.ascending("amount")), 5, 0, Optional.empty()));

        assertThat(rendered.where()).isEqualTo("t.title = :q0 AND t.amount IN (:q1, :q2)");
        assertThat(rendered.parameters()).containsEntry("q0", "x' OR 1=1 --");
        assertThat(rendered.orderBy()).isEqualTo("t.amount ASC, t.id ASC");
        assertThat(rendered.limitOffset()).isEqualTo("LIMIT 6");
    }

    @Test
    void aKeysetInOneDirectionIsARowComparison() {
        ListQuery query = ListQuery.firstPage(List.of(SortKey.descending("amount")), 10)
                .at(KeysetCursor.after(List.of(BigDecimal.ONE), "id_1"));

        assertThat(SQL.render(query).where()).isEqualTo("(t.amount, t.id) < (:q0, :q1)");
    }

    @Test
    void aKeysetInMixedDirectionsIsTheExpandedOr() {
        ListQuery query = ListQuery.firstPage(List.of(SortKey.descending("amount"), SortKey.ascending("title")), 10)
                .at(KeysetCursor.after(List.of(BigDecimal.ONE, "b"), "id_1"));

        assertThat(SQL.render(query).where()).isEqualTo(
                "((t.amount < :q0) OR (t.amount = :q0 AND t.title > :q1) OR (t.amount = :q0 AND t.title = :q1 AND t.id > :q2))");
    }

    @Test
    void readingBeforeACursorReversesTheOrder() {
        ListQuery query = ListQuery.firstPage(List.of(SortKey.descending("amount")), 10)
                .at(KeysetCursor.before(List.of(BigDecimal.ONE), "id_1"));

        SqlListQuery.Rendered rendered = SQL.render(query);
        assertThat(rendered.where()).isEqualTo("(t.amount, t.id) > (:q0, :q1)");
        assertThat(rendered.orderBy()).isEqualTo("t.amount ASC, t.id ASC");
    }

    @Test
    void likeEscapesWildcardsButStar() {
        assertThat(SqlListQuery.likePattern("50%_off*\\")).isEqualTo("50\\%\\_off%\\\\");
    }

    @Test
    void aFieldInAnotherTableIsAnExistsAndNotSortable() {
        assertThat(SQL.render(new ListQuery(List.of(new Filter("tag", QueryOperator.NE, List.of("a"))),
                List.of(SortKey.ascending("amount")), 5, 0, Optional.empty())).where())
                .isEqualTo("NOT EXISTS (SELECT 1 FROM tags g WHERE g.thing_id = t.id AND g.tag = :q0)");
        assertThatThrownBy(() -> SQL.render(ListQuery.firstPage(List.of(SortKey.ascending("tag")), 5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
