package dev.strata.adapters.persistence.postgres;

import dev.strata.core.common.Filter;
import dev.strata.core.common.KeysetCursor;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.QueryOperator;
import dev.strata.core.common.SortKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Turns a {@link ListQuery} into SQL that PostgreSQL and H2 both run: a {@code WHERE} condition
 * (the filters and the keyset position), an {@code ORDER BY} and a {@code LIMIT}/{@code OFFSET},
 * with every value bound as a parameter, never spliced in. Field names map to SQL through a fixed
 * table the store supplies, so nothing a client sends becomes SQL text.
 *
 * <p>The keyset position is a row-value comparison {@code (a, b, id) < (?, ?, ?)} when every key
 * runs in the same direction, which an index on {@code (owner, a, b, id)} serves directly; with
 * mixed directions it is the equivalent expanded {@code OR} of prefixes. The statement reads one
 * row more than the limit, so that the store can tell whether more follow.
 *
 * <p>Internal to the persistence module: public only so that every feature package can use it.
 * Immutable and thread-safe.
 */
public final class SqlListQuery {

    private final Map<String, SqlField> fields;
    private final String idColumn;

    /** How one query field is written in SQL. */
    public interface SqlField {

        /** The condition for {@code operator} over the bound {@code parameters} (one per value, such as {@code :p3}). */
        String condition(QueryOperator operator, List<String> parameters);

        /** The column or expression to sort and page by, when the field is sortable. */
        Optional<String> sortExpression();
    }

    /** A field that is one column: every operator applies to it directly. */
    public static SqlField column(String column) {
        return new SqlField() {
            @Override
            public String condition(QueryOperator operator, List<String> parameters) {
                return switch (operator) {
                    case EQ -> column + " = " + parameters.getFirst();
                    case NE -> column + " <> " + parameters.getFirst();
                    case GT -> column + " > " + parameters.getFirst();
                    case GTE -> column + " >= " + parameters.getFirst();
                    case LT -> column + " < " + parameters.getFirst();
                    case LTE -> column + " <= " + parameters.getFirst();
                    case IN -> column + " IN (" + String.join(", ", parameters) + ")";
                    case LIKE -> column + " LIKE " + parameters.getFirst() + " ESCAPE '\\'";
                };
            }

            @Override
            public Optional<String> sortExpression() {
                return Optional.of(column);
            }
        };
    }

    /**
     * A field held in another table, one row per value (an order's SKUs): a filter is an
     * {@code EXISTS} over {@code fromWhere} (a {@code FROM ... WHERE} correlating it to the row)
     * with {@code valueColumn} compared; {@code ne} means no value equals. Not sortable.
     */
    public static SqlField exists(String fromWhere, String valueColumn) {
        SqlField value = column(valueColumn);
        return new SqlField() {
            @Override
            public String condition(QueryOperator operator, List<String> parameters) {
                if (operator == QueryOperator.NE) {
                    return "NOT EXISTS (SELECT 1 " + fromWhere + " AND "
                            + value.condition(QueryOperator.EQ, parameters) + ")";
                }
                return "EXISTS (SELECT 1 " + fromWhere + " AND " + value.condition(operator, parameters) + ")";
            }

            @Override
            public Optional<String> sortExpression() {
                return Optional.empty();
            }
        };
    }

    /** A translator for these fields (query name to SQL) and this id column. */
    public SqlListQuery(Map<String, SqlField> fields, String idColumn) {
        this.fields = Map.copyOf(fields);
        this.idColumn = Objects.requireNonNull(idColumn, "idColumn");
    }

    /** The SQL pieces of one query, and the values to bind to them. */
    public record Rendered(String where, String orderBy, String limitOffset, Map<String, Object> parameters) {

        /** Binds every parameter to {@code statement}. */
        public <S extends SqlStatement<S>> S bindTo(S statement) {
            parameters.forEach(statement::bind);
            return statement;
        }
    }

    /**
     * Renders {@code query}. {@code where} is {@code TRUE} or conditions joined by {@code AND}, to
     * follow the store's own {@code WHERE owner_id = :owner AND}; {@code orderBy} has no
     * {@code ORDER BY} keyword; {@code limitOffset} reads one row more than the limit.
     *
     * @throws IllegalArgumentException when the query names a field this translator does not know
     *                                  (a schema and store out of step: a bug, not a client error)
     */
    public Rendered render(ListQuery query) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        for (Filter filter : query.filters()) {
            List<String> names = new ArrayList<>();
            for (Comparable<?> value : filter.values()) {
                names.add(bind(parameters, filter.operator() == QueryOperator.LIKE ? likePattern((String) value) : value));
            }
            conditions.add(field(filter.field()).condition(filter.operator(), names));
        }
        List<SortKey> reading = query.readingOrder();
        boolean idDescending = query.idDescending() != query.cursor().map(KeysetCursor::before).orElse(false);
        List<String> columns = reading.stream().map(key -> sortColumn(key.field())).toList();
        query.cursor().ifPresent(cursor -> conditions.add(keyset(cursor, reading, columns, idDescending, parameters)));

        List<String> order = new ArrayList<>();
        for (int i = 0; i < reading.size(); i++) {
            order.add(columns.get(i) + (reading.get(i).descending() ? " DESC" : " ASC"));
        }
        order.add(idColumn + (idDescending ? " DESC" : " ASC"));
        String where = conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
        String limitOffset = "LIMIT " + (query.limit() + 1) + (query.offset() > 0 ? " OFFSET " + query.offset() : "");
        return new Rendered(where, String.join(", ", order), limitOffset, parameters);
    }

    private String keyset(KeysetCursor cursor, List<SortKey> keys, List<String> columns, boolean idDescending,
            Map<String, Object> parameters) {
        List<String> values = new ArrayList<>();
        for (Comparable<?> value : cursor.sortValues()) {
            values.add(bind(parameters, value));
        }
        String id = bind(parameters, cursor.id());
        boolean uniform = keys.stream().allMatch(key -> key.descending() == idDescending);
        if (uniform) {
            List<String> left = new ArrayList<>(columns);
            left.add(idColumn);
            List<String> right = new ArrayList<>(values);
            right.add(id);
            return "(" + String.join(", ", left) + ") " + (idDescending ? "<" : ">") + " (" + String.join(", ", right) + ")";
        }
        // Mixed directions: after (a, b, id) means a beyond, or a equal and b beyond, or both equal and id beyond.
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i <= keys.size(); i++) {
            List<String> terms = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                terms.add(columns.get(j) + " = " + values.get(j));
            }
            if (i < keys.size()) {
                terms.add(columns.get(i) + (keys.get(i).descending() ? " < " : " > ") + values.get(i));
            } else {
                terms.add(idColumn + (idDescending ? " < " : " > ") + id);
            }
            alternatives.add("(" + String.join(" AND ", terms) + ")");
        }
        return "(" + String.join(" OR ", alternatives) + ")";
    }

    private SqlField field(String name) {
        SqlField field = fields.get(name);
        if (field == null) {
            throw new IllegalArgumentException("no SQL for the query field " + name);
        }
        return field;
    }

    private String sortColumn(String name) {
        return field(name).sortExpression()
                .orElseThrow(() -> new IllegalArgumentException("the query field " + name + " is not sortable in SQL"));
    }

    private static String bind(Map<String, Object> parameters, Object value) {
        String name = "q" + parameters.size();
        parameters.put(name, value);
        return ":" + name;
    }

    /** A client's pattern, where {@code *} is any run, as a LIKE pattern with {@code \} escaping. */
    static String likePattern(String pattern) {
        StringBuilder like = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> like.append('%');
                case '%', '_', '\\' -> like.append('\\').append(c);
                default -> like.append(c);
            }
        }
        return like.toString();
    }
}
