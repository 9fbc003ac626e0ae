package dev.strata.core.common;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The schema the list-query language tests read against: one field of each kind and shape. */
final class ListQuerySchemas {

    static final QuerySchema THINGS = QuerySchema.of(List.of(
                    QueryField.choice("state", List.of("open", "paid")),
                    QueryField.ordered("amount", FieldKind.DECIMAL),
                    QueryField.ordered("created_at", FieldKind.INSTANT),
                    QueryField.text("sku", Set.of(QueryOperator.EQ, QueryOperator.IN), Pattern.compile("[A-Z0-9-]{1,16}"),
                            "a SKU such as BOOK-42"),
                    QueryField.text("title", Set.of(QueryOperator.EQ, QueryOperator.LIKE))),
            List.of(SortKey.descending("created_at")), Set.of("id", "state", "amount", "created_at"));

    private ListQuerySchemas() {
    }
}
