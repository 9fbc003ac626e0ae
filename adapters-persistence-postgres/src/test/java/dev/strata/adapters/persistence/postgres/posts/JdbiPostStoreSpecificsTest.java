package dev.strata.adapters.persistence.postgres.posts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.persistence.postgres.TestDatabases;
import dev.strata.core.identity.AccountId;
import dev.strata.core.posts.store.PostFilter;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the JDBI post store does beyond the contract: how it searches on each database. */
class JdbiPostStoreSpecificsTest {

    @Test
    void searchTextIsALiteralPatternWithItsWildcardsEscaped() {
        assertThat(PostListing.escapeLike("100%_sure!")).isEqualTo("100!%!_sure!!");
        assertThat(PostListing.escapeLike("plain")).isEqualTo("plain");
    }

    @Test
    void onPostgresqlTextSearchIsServedByTheTrigramIndex() {
        PostFilter search = PostFilter.visibleTo(AccountId.generate(Clock.systemUTC()), 20)
                .containing("needle");
        PostListing.Statement statement = PostListing.statementFor(search);

        List<String> plan = TestDatabases.postgres().jdbi().inTransaction(handle -> {
            // The planner may rightly prefer reading a small table whole; forbidding that shows
            // whether the index can serve the query at all, which is what matters at scale.
            handle.execute("SET LOCAL enable_seqscan = off");
            return statement.bindTo(handle, "EXPLAIN ").mapTo(String.class).list();
        });

        assertThat(String.join("\n", plan)).contains("posts_body_trigram_idx");
    }

    @Test
    void onH2TheSameSearchRunsWithoutTheIndex() {
        PostFilter search = PostFilter.visibleTo(AccountId.generate(Clock.systemUTC()), 20)
                .containing("needle");

        assertThat(new JdbiPostStore(TestDatabases.h2().jdbi()).listPosts(search).items()).isEmpty();
        int trigramIndexes = TestDatabases.h2().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT count(*) FROM information_schema.indexes WHERE index_name = 'posts_body_trigram_idx'")
                .mapTo(Integer.class).one());
        assertThat(trigramIndexes).isZero();
    }
}
