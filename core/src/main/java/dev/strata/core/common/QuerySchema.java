package dev.strata.core.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one kind of list can be asked: the fields it can be filtered and sorted by, its default
 * order, and the names of the fields a client may select in a projection. A service publishes one
 * per list it offers, and adapters check a client's query against it, so that an unknown name is
 * refused by name rather than ignored.
 */
public record QuerySchema(Map<String, QueryField> fields, List<SortKey> defaultSort, Set<String> selectable) {

    public QuerySchema {
        fields = Map.copyOf(fields);
        defaultSort = List.copyOf(defaultSort);
        selectable = Set.copyOf(selectable);
        if (defaultSort.isEmpty()) {
            throw new IllegalArgumentException("a list has a default order");
        }
        for (SortKey key : defaultSort) {
            QueryField field = fields.get(key.field());
            if (field == null || !field.sortable()) {
                throw new IllegalArgumentException("the default order uses a field that is not sortable: " + key.field());
            }
        }
    }

    /** A schema of these fields, in this default order, with these selectable field names. */
    public static QuerySchema of(List<QueryField> fields, List<SortKey> defaultSort, Set<String> selectable) {
        Map<String, QueryField> byName = new LinkedHashMap<>();
        for (QueryField field : fields) {
            if (byName.put(field.name(), field) != null) {
                throw new IllegalArgumentException("two query fields are called " + field.name());
            }
        }
        return new QuerySchema(byName, defaultSort, selectable);
    }

    /** The field a client may filter or sort by under this name, or empty when there is none. */
    public Optional<QueryField> field(String name) {
        return Optional.ofNullable(fields.get(Objects.requireNonNull(name, "name")));
    }

    /** The names of every filterable field, sorted, to tell a client what it may use. */
    public List<String> filterableNames() {
        return fields.values().stream().filter(field -> !field.operators().isEmpty()).map(QueryField::name).sorted()
                .toList();
    }

    /** The names of every sortable field, sorted. */
    public List<String> sortableNames() {
        return fields.values().stream().filter(QueryField::sortable).map(QueryField::name).sorted().toList();
    }
}
