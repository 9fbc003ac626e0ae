package dev.strata.core.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a caller may ask of a list of posts, and what each way of narrowing it keeps. */
class PostQueryTest {

    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant BEFORE = Instant.parse("2026-02-01T00:00:00Z");
    private static final PostCursor CURSOR = new PostCursor(Instant.parse("2026-01-15T00:00:00Z"),
            PostId.generate(Clock.systemUTC()));

    @Test
    void theNewestPageIsTwentyPostsWithNothingElseAsked() {
        assertThat(PostQuery.newest()).isEqualTo(new PostQuery(20, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), false));
    }

    @Test
    void eachNarrowingKeepsEverythingElseAsked() {
        PostQuery query = PostQuery.newest().withLimit(5).createdFrom(FROM).createdBefore(BEFORE).containing("word");

        assertThat(query).isEqualTo(new PostQuery(5, Optional.empty(), Optional.empty(), Optional.of(FROM),
                Optional.of(BEFORE), Optional.of("word"), false));
        assertThat(query.after(CURSOR)).as("the page after a cursor").isEqualTo(new PostQuery(5, Optional.of(CURSOR),
                Optional.empty(), Optional.of(FROM), Optional.of(BEFORE), Optional.of("word"), false));
        assertThat(query.before(CURSOR)).as("the page before a cursor reads backwards").isEqualTo(new PostQuery(5,
                Optional.of(CURSOR), Optional.empty(), Optional.of(FROM), Optional.of(BEFORE), Optional.of("word"), true));
        assertThat(query.afterPost(CURSOR.id())).as("the page after a post").isEqualTo(new PostQuery(5,
                Optional.empty(), Optional.of(CURSOR.id()), Optional.of(FROM), Optional.of(BEFORE), Optional.of("word"),
                false));
        assertThat(query.before(CURSOR).createdFrom(BEFORE).backwards())
                .as("narrowing a backwards query keeps it backwards").isTrue();
    }

    @Test
    void aQueryStartsFromOnePlaceAtMost() {
        assertThatThrownBy(() -> new PostQuery(5, Optional.of(CURSOR), Optional.of(CURSOR.id()), Optional.empty(),
                Optional.empty(), Optional.empty(), false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readingBackwardsNeedsACursor() {
        assertThatThrownBy(() -> new PostQuery(5, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), true)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PostQuery(5, Optional.of(CURSOR), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), true).backwards()).isTrue();
    }

    @Test
    void typedIdsPrintAsTheirValue() {
        PostId post = PostId.generate(Clock.systemUTC());
        ChannelId channel = ChannelId.generate(Clock.systemUTC());

        assertThat(post.toString()).isEqualTo(post.value()).startsWith("post_");
        assertThat(channel.toString()).isEqualTo(channel.value()).startsWith("chan_");
    }
}
