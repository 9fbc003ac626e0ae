package dev.strata.adapters.graphql;

import dev.strata.core.common.KeysetCursor;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.Page;
import dev.strata.core.common.QuerySchema;
import graphql.schema.DataFetchingEnvironment;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Connections over the lists core reads with a {@link ListQuery} (orders, channels, members): the
 * field's {@code filter} and {@code orderBy} (when it has them) and Relay's paging arguments read as
 * the REST list reads its query parameters, so that the cursors are REST's page tokens for the same
 * list.
 */
final class ListPages {

    private ListPages() {
    }

    /**
     * The page of the list {@code schema} describes that the field's arguments ask for.
     *
     * @param list      reads a page of the list for a query
     * @param sortValue the value of a sort field of an item, as core names it
     * @param id        the id of an item, the last key of every order
     */
    static <T> Connection<T> read(DataFetchingEnvironment field, QuerySchema schema, Function<ListQuery, Page<T>> list,
            BiFunction<? super T, String, Comparable<?>> sortValue, Function<? super T, String> id) {
        Paging paging = Paging.of(field);
        String filter = field.getArgument("filter");
        String orderBy = field.getArgument("orderBy");
        ListQuery read = Cursors.naming(paging.cursorArgument(), () -> schema.listQuery(filter, orderBy,
                paging.size(), paging.cursor().orElse(null)));
        ListQuery query = paging.backwards()
                ? read.at(KeysetCursor.before(read.cursor().orElseThrow().sortValues(), read.cursor().orElseThrow().id()))
                : read;
        Page<T> page = list.apply(query);
        return Connection.of(page.items(), page.hasMore(), paging,
                item -> schema.pageTokenAfter(query, item, sortValue, id));
    }
}
