package dev.strata.adapters.graphql;

import static dev.strata.adapters.graphql.GraphqlWorld.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.graphql.GraphqlWorld.Result;
import dev.strata.core.identity.AccountId;
import dev.strata.core.posts.ChannelId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Relations are resolved in batches: a page of 20 posts with their authors and channels costs the
 * stores a constant number of calls (one page, one read of the authors, one of the channels), not
 * one per post.
 */
class NoNPlusOneTest {

    private final GraphqlWorld world = new GraphqlWorld();

    @Test
    void twentyPostsWithTheirAuthorsAndChannelsCostThreeStoreCalls() {
        Caller reader = world.signUpAndIn("reader");
        String readerId = GraphqlWorld.sessionOf(reader).accountId().value();
        List<String> channels = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Caller author = world.signUpAndIn("author" + i);
            String channel = (String) world.run(author, "mutation { createChannel(input: {name: \"c\"}) {"
                    + " channel { id } } }").at("createChannel", "channel", "id");
            world.run(author, "mutation($c: ID!, $a: ID!) { addMember(channelId: $c, accountId: $a) { added } }",
                    map("c", channel, "a", readerId)).data();
            channels.add(channel);
            for (int post = 0; post < 2; post++) {
                world.clock.advance(Duration.ofMillis(1));
                world.run(author, "mutation($c: ID) { createPost(input: {body: \"hello\", channelId: $c}) {"
                        + " post { id } } }", map("c", post == 0 ? channel : null)).data();
            }
        }
        world.identityStore.reset();
        world.postStore.reset();

        Result page = world.run(reader, """
                { posts(first: 20) { edges { node { id body author { id displayName } channel { id name } } } } }""");

        List<?> edges = (List<?>) page.at("posts", "edges");
        assertThat(edges).hasSize(20);
        Set<Object> authors = new HashSet<>();
        Set<Object> seenChannels = new HashSet<>();
        for (int i = 0; i < edges.size(); i++) {
            authors.add(page.at("posts", "edges", i, "node", "author", "id"));
            Object channel = page.at("posts", "edges", i, "node", "channel", "id");
            if (channel != null) {
                seenChannels.add(channel);
            }
        }
        assertThat(authors).hasSize(10);
        assertThat(seenChannels).containsExactlyInAnyOrderElementsOf(channels);
        assertThat(world.postStore.calls()).isEqualTo(Map.of("listPosts", 1, "findChannelsOfMember", 1));
        assertThat(world.identityStore.calls()).isEqualTo(Map.of("findAccounts", 1));
    }

    @Test
    void theBatchesHoldOnlyWhatTheCallerMaySee() {
        Caller reader = world.signUpAndIn("reader");

        assertThat(world.identity.findAccounts(List.of(AccountId.generate(world.clock)))).isEmpty();
        assertThat(world.posts.findChannels(GraphqlWorld.sessionOf(reader), List.of(ChannelId.generate(world.clock))))
                .isEmpty();
    }
}
