package dev.strata.adapters.grpc.posts;

import dev.strata.core.common.Filter;
import dev.strata.core.posts.PostQuery;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The {@code filter} of the post lists: conditions on {@code created_at} in the language every
 * list shares ({@link PostQuery#SCHEMA}), such as {@code created_at=gte:2026-01-01T00:00:00Z AND
 * created_at=lt:2026-02-01T00:00:00Z}, applied as the half-open window a {@link PostQuery} takes.
 * Times are kept to the microsecond, so "after t" starts one microsecond later.
 */
final class PostFilters {

    private PostFilters() {
    }

    /** {@code query} narrowed by {@code filters} (read by {@link PostQuery#SCHEMA}); none leave it as it is. */
    static PostQuery apply(List<Filter> filters, PostQuery query) {
        PostQuery narrowed = query;
        for (Filter condition : filters) {
            Instant at = (Instant) condition.value();
            Instant next = at.plus(1, ChronoUnit.MICROS);
            narrowed = switch (condition.operator()) {
                case EQ -> narrowed.createdFrom(later(narrowed, at)).createdBefore(earlier(narrowed, next));
                case GT -> narrowed.createdFrom(later(narrowed, next));
                case GTE -> narrowed.createdFrom(later(narrowed, at));
                case LT -> narrowed.createdBefore(earlier(narrowed, at));
                case LTE -> narrowed.createdBefore(earlier(narrowed, next));
                default -> throw new IllegalStateException("the post schema allows no " + condition.operator());
            };
        }
        return narrowed;
    }

    /** The later of {@code at} and the window's start, so that every condition holds. */
    private static Instant later(PostQuery query, Instant at) {
        return query.from().filter(from -> from.isAfter(at)).orElse(at);
    }

    /** The earlier of {@code at} and the window's end. */
    private static Instant earlier(PostQuery query, Instant at) {
        return query.before().filter(before -> before.isBefore(at)).orElse(at);
    }
}
