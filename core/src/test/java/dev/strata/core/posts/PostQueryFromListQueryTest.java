package dev.strata.core.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.strata.core.common.FieldError;
import dev.strata.core.common.KeysetCursor;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.SortKey;
import dev.strata.core.common.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** A list query in the shared language, as the post query it asks for (so every API style lists posts alike). */
class PostQueryFromListQueryTest {

    private static final Instant X = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant X_PLUS = Instant.parse("2026-01-01T00:00:00.000001Z");
    private static final Instant Y = Instant.parse("2026-02-01T00:00:00Z");

    static Stream<Arguments> windows() {
        PostQuery newest = PostQuery.newest();
        return Stream.of(
                arguments("", newest),
                arguments("created_at=gte:2026-01-01T00:00:00Z", newest.createdFrom(X)),
                arguments("created_at=gt:2026-01-01T00:00:00Z", newest.createdFrom(X_PLUS)),
                arguments("created_at=lt:2026-01-01T00:00:00Z", newest.createdBefore(X)),
                arguments("created_at=lte:2026-01-01T00:00:00Z", newest.createdBefore(X_PLUS)),
                arguments("created_at=2026-01-01T00:00:00Z", newest.createdFrom(X).createdBefore(X_PLUS)),
                arguments("created_at=gte:2026-01-01T00:00:00Z AND created_at=lt:2026-02-01T00:00:00Z",
                        newest.createdFrom(X).createdBefore(Y)),
                arguments("created_at=lt:2026-02-01T00:00:00Z AND created_at=gt:2026-01-01T00:00:00Z AND "
                        + "created_at=gte:2026-01-01T00:00:00Z AND created_at=lte:2026-03-01T00:00:00Z",
                        newest.createdFrom(X_PLUS).createdBefore(Y)));
    }

    @ParameterizedTest
    @MethodSource("windows")
    void createdAtConditionsMakeOneHalfOpenWindow(String filter, PostQuery expected) {
        assertThat(PostQuery.of(PostQuery.SCHEMA.listQuery(filter, "", 0, ""))).isEqualTo(expected);
    }

    @Test
    void theLimitAndCursorCarryOver() {
        PostCursor position = new PostCursor(X, PostId.generate(Clock.systemUTC()));
        ListQuery first = PostQuery.SCHEMA.firstPage(5);
        KeysetCursor after = KeysetCursor.after(List.of(X), position.id().value());

        assertThat(PostQuery.of(first.at(after))).isEqualTo(PostQuery.newest().withLimit(5).after(position));
        assertThat(PostQuery.of(first.at(KeysetCursor.before(List.of(X), position.id().value()))))
                .isEqualTo(PostQuery.newest().withLimit(5).before(position));
        String token = PostQuery.SCHEMA.pageToken(first, after);
        assertThat(PostQuery.of(PostQuery.SCHEMA.listQuery("", "", 5, token)).after()).contains(position);
    }

    @Test
    void aCursorThatIsNotAPostsPositionIsAnInvalidPageToken() {
        ListQuery first = PostQuery.SCHEMA.firstPage();
        for (KeysetCursor cursor : List.of(KeysetCursor.after(List.of(X), "ord_01m8tmmd504arhkm8aq1e23prs"),
                KeysetCursor.after(List.of(X), "post_x"))) {
            assertThatThrownBy(() -> PostQuery.of(first.at(cursor))).isInstanceOfSatisfying(ValidationException.class,
                    refused -> assertThat(refused.errors()).extracting(FieldError::field, FieldError::code)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("page_token", "invalid_page_token")));
        }
    }

    @Test
    void whatThePostSchemaDoesNotHaveIsAProgrammingError() {
        assertThatThrownBy(() -> PostQuery.of(ListQuery.firstPage(List.of(SortKey.ascending("created_at")), 5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostQuery.of(PostQuery.SCHEMA.firstPage().atOffset(20)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPostIsSortedByItsCreationTime() {
        Post post = new Post(PostId.generate(Clock.systemUTC()), dev.strata.core.identity.AccountId.generate(Clock.systemUTC()),
                java.util.Optional.empty(), "hello", X, Y, 0);
        assertThat(PostQuery.sortValue(post, "created_at")).isEqualTo(X);
        assertThatThrownBy(() -> PostQuery.sortValue(post, "body")).isInstanceOf(IllegalArgumentException.class);
    }
}
