package dev.strata.core.posts.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.identity.AccountId;
import dev.strata.core.posts.PostCursor;
import dev.strata.core.posts.PostId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which posts a store is asked to list: the limits and positions a filter accepts. */
class PostFilterTest {

    private static final AccountId VIEWER = AccountId.generate(Clock.systemUTC());

    @Test
    void aLimitIsAtLeastOne() {
        assertThat(PostFilter.visibleTo(VIEWER, 1).limit()).as("a limit of 1 is accepted").isEqualTo(1);
        assertThatThrownBy(() -> PostFilter.visibleTo(VIEWER, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readingBackwardsNeedsAPositionAndReadingOnForgetsTheDirection() {
        PostCursor cursor = new PostCursor(Instant.parse("2026-01-01T00:00:00Z"), PostId.generate(Clock.systemUTC()));

        assertThatThrownBy(() -> new PostFilter(VIEWER, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 5, true)).isInstanceOf(IllegalArgumentException.class);
        PostFilter backwards = PostFilter.visibleTo(VIEWER, 5).before(cursor);
        assertThat(backwards.backwards()).isTrue();
        assertThat(backwards.after()).contains(cursor);
        assertThat(backwards.after(cursor).backwards()).as("after() reads forwards again").isFalse();
    }
}
