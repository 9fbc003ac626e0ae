package dev.strata.adapters.graphql;

import static dev.strata.adapters.graphql.GraphqlWorld.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.graphql.GraphqlWorld.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Posts, channels and members through GraphQL, over the real posts service. */
class PostsGraphqlTest {

    private static final String CREATE_POST = """
            mutation($body: String!, $channel: ID, $key: String) {
              createPost(input: {body: $body, channelId: $channel}, idempotencyKey: $key) {
                replayed post { id body version author { id displayName } channel { id } } } }""";

    private final GraphqlWorld world = new GraphqlWorld();
    private final Caller ada = world.signUpAndIn("ada");
    private final Caller bob = world.signUpAndIn("bob");

    private String post(Caller caller, String body) {
        world.clock.advance(Duration.ofMillis(1));
        return (String) world.run(caller, CREATE_POST, map("body", body)).at("createPost", "post", "id");
    }

    private String channel(Caller owner) {
        return (String) world.run(owner, "mutation { createChannel(input: {name: \"team\"}) { channel { id } } }")
                .at("createChannel", "channel", "id");
    }

    @Nested
    class Creating {

        @Test
        void aPostWithAnIdempotencyKeyIsMadeOnceAndReplayed() {
            Map<String, Object> variables = map("body", "Hello, שלום, 👋", "key", "first-post");

            Result first = world.run(ada, CREATE_POST, variables);
            Result again = world.run(ada, CREATE_POST, variables);

            assertThat(first.at("createPost", "replayed")).isEqualTo(false);
            assertThat(again.at("createPost", "replayed")).isEqualTo(true);
            assertThat(again.at("createPost", "post", "id")).isEqualTo(first.at("createPost", "post", "id"));
            assertThat(first.at("createPost", "post", "body")).isEqualTo("Hello, שלום, 👋");
        }

        @Test
        void theSameKeyWithAnotherBodyIsRefused() {
            world.run(ada, CREATE_POST, map("body", "one", "key", "k")).data();

            assertThat(world.run(ada, CREATE_POST, map("body", "two", "key", "k")).onlyError())
                    .containsEntry("code", "idempotency_key_reused")
                    .containsEntry("classification", "IDEMPOTENCY_KEY_REUSED");
        }

        @Test
        void aMalformedIdempotencyKeyNamesTheArgument() {
            Map<String, Object> extensions = world.run(ada, CREATE_POST, map("body", "one", "key", "has space"))
                    .onlyError();

            assertThat(GraphqlWorld.fieldNames(extensions)).containsExactly("idempotencyKey");
        }

        @Test
        void aBlankBodyNamesTheField() {
            Map<String, Object> extensions = world.run(ada, CREATE_POST, map("body", "   ")).onlyError();

            assertThat(GraphqlWorld.fieldNames(extensions)).containsExactly("body");
            assertThat(GraphqlWorld.fieldCodes(extensions)).containsExactly("required");
        }
    }

    @Nested
    class Reading {

        @Test
        void anotherAuthorShowsOnlyItsId() {
            String id = post(ada, "by ada");

            Result read = world.run(bob, "query($id: ID!) { post(id: $id) { author { id displayName email } } }",
                    Map.of("id", id));

            assertThat(read.at("post", "author", "id")).isEqualTo(GraphqlWorld.sessionOf(ada).accountId().value());
            assertThat(read.at("post", "author", "displayName")).isNull();
            assertThat(read.at("post", "author", "email")).isNull();
            assertThat(world.run(ada, "query($id: ID!) { post(id: $id) { author { displayName } } }",
                    Map.of("id", id)).at("post", "author", "displayName")).isEqualTo("ada");
        }

        @Test
        void postsPageForwardAndBackWithoutSkippingOrRepeating() {
            List<String> newestFirst = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                newestFirst.addFirst(post(ada, "post " + i));
            }
            String forwards = """
                    query($after: String) { posts(first: 2, after: $after) {
                      edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }""";

            List<String> seen = new ArrayList<>();
            Object after = null;
            List<Object> startCursors = new ArrayList<>();
            for (int page = 0; page < 3; page++) {
                Result result = world.run(bob, forwards, map("after", after));
                for (Object edge : (List<?>) result.at("posts", "edges")) {
                    seen.add((String) ((Map<?, ?>) ((Map<?, ?>) edge).get("node")).get("id"));
                }
                startCursors.add(result.at("posts", "pageInfo", "startCursor"));
                assertThat(result.at("posts", "pageInfo", "hasNextPage")).isEqualTo(page < 2);
                assertThat(result.at("posts", "pageInfo", "hasPreviousPage")).isEqualTo(page > 0);
                after = result.at("posts", "pageInfo", "endCursor");
            }
            assertThat(seen).isEqualTo(newestFirst);

            Result back = world.run(bob, """
                    query($before: String) { posts(last: 2, before: $before) {
                      edges { node { id } } pageInfo { hasNextPage hasPreviousPage } } }""",
                    map("before", startCursors.get(2)));
            assertThat(back.at("posts", "edges", 0, "node", "id")).isEqualTo(newestFirst.get(2));
            assertThat(back.at("posts", "edges", 1, "node", "id")).isEqualTo(newestFirst.get(3));
            assertThat(back.at("posts", "pageInfo", "hasPreviousPage")).isEqualTo(true);
            assertThat(back.at("posts", "pageInfo", "hasNextPage")).isEqualTo(true);
        }

        @Test
        void aCursorFromAnotherListOrSearchIsRefusedAndGarbageIsInvalid() {
            post(ada, "one");
            post(ada, "two");
            Object cursor = world.run(bob, "{ posts(first: 1) { pageInfo { endCursor } } }")
                    .at("posts", "pageInfo", "endCursor");

            Map<String, Object> mismatch = world.run(bob, "query($c: String) { posts(first: 1, after: $c, query: \"o\") {"
                    + " edges { cursor } } }", map("c", cursor)).onlyError();
            Map<String, Object> garbage = world.run(bob, "{ posts(first: 1, after: \"%%%\") { edges { cursor } } }")
                    .onlyError();

            assertThat(GraphqlWorld.fieldCodes(mismatch)).containsExactly("page_token_mismatch");
            assertThat(GraphqlWorld.fieldCodes(garbage)).containsExactly("invalid_page_token");
            assertThat(GraphqlWorld.fieldNames(garbage)).containsExactly("after");
        }

        @Test
        void pagingArgumentsOutOfRangeOrMixedAreRefusedByName() {
            Map<String, Object> extensions = world.run(bob, "{ posts(first: 101, last: 0) { edges { cursor } } }")
                    .onlyError();

            assertThat(GraphqlWorld.fieldNames(extensions)).containsExactlyInAnyOrder("last", "before", "first", "last");
        }
    }

    @Nested
    class Changing {

        @Test
        void theAuthorEditsAgainstTheCurrentVersionAndAStaleEditIsAborted() {
            String id = post(ada, "draft");
            String edit = "mutation($id: ID!, $v: Int!) { editPost(id: $id, expectedVersion: $v, body: \"final\") {"
                    + " body version } }";

            assertThat(world.run(ada, edit, map("id", id, "v", 0)).at("editPost", "version")).isEqualTo(1);
            assertThat(world.run(ada, edit, map("id", id, "v", 0)).codes()).containsExactly("version_mismatch");
        }

        @Test
        void onlyTheAuthorEditsOrDeletes() {
            String id = post(ada, "mine");

            assertThat(world.run(bob, "mutation($id: ID!) { deletePost(id: $id) }", Map.of("id", id)).onlyError())
                    .containsEntry("code", "not_the_author").containsEntry("classification", "PERMISSION_DENIED");
            assertThat(world.run(ada, "mutation($id: ID!) { deletePost(id: $id) }", Map.of("id", id)).at("deletePost"))
                    .isEqualTo(true);
            assertThat(world.run(ada, "query($id: ID!) { post(id: $id) { id } }", Map.of("id", id)).codes())
                    .containsExactly("post_not_found");
        }
    }

    @Nested
    class Channels {

        @Test
        void aChannelsPostsAndMembersAreForItsMembersOnly() {
            String channel = channel(ada);
            world.run(ada, CREATE_POST, map("body", "for the team", "channel", channel)).data();
            String bobId = GraphqlWorld.sessionOf(bob).accountId().value();
            String read = "query($id: ID!) { channel(id: $id) { name owner { id } members { edges { node {"
                    + " owner account { id } } } } posts { edges { node { body channel { id } } } } } }";

            assertThat(world.run(bob, read, Map.of("id", channel)).codes()).containsExactly("channel_not_found");

            Result added = world.run(ada, "mutation($c: ID!, $a: ID!) { addMember(channelId: $c, accountId: $a) {"
                    + " added member { owner joinedAt account { id } } } }", map("c", channel, "a", bobId));
            assertThat(added.at("addMember", "added")).isEqualTo(true);
            assertThat(added.at("addMember", "member", "account", "id")).isEqualTo(bobId);

            Result seen = world.run(bob, read, Map.of("id", channel));
            assertThat(seen.at("channel", "members", "edges", 0, "node", "owner")).isEqualTo(true);
            assertThat(seen.at("channel", "members", "edges", 1, "node", "account", "id")).isEqualTo(bobId);
            assertThat(seen.at("channel", "posts", "edges", 0, "node", "body")).isEqualTo("for the team");
            assertThat(seen.at("channel", "posts", "edges", 0, "node", "channel", "id")).isEqualTo(channel);

            assertThat(world.run(bob, "mutation($c: ID!, $a: ID!) { removeMember(channelId: $c, accountId: $a) }",
                    map("c", channel, "a", bobId)).codes()).containsExactly("not_the_owner");
            assertThat(world.run(ada, "mutation($c: ID!, $a: ID!) { removeMember(channelId: $c, accountId: $a) }",
                    map("c", channel, "a", bobId)).at("removeMember")).isEqualTo(true);
        }

        @Test
        void aChannelCreatedTwiceWithOneKeyIsReplayed() {
            String create = "mutation { createChannel(input: {name: \"team\"}, idempotencyKey: \"c1\") {"
                    + " replayed channel { id } } }";

            Result first = world.run(ada, create);
            Result again = world.run(ada, create);

            assertThat(again.at("createChannel", "replayed")).isEqualTo(true);
            assertThat(again.at("createChannel", "channel", "id")).isEqualTo(first.at("createChannel", "channel", "id"));
        }

        @Test
        void anAccountsPostsAreThoseTheCallerMayRead() {
            post(ada, "public");
            String channel = channel(ada);
            world.run(ada, CREATE_POST, map("body", "secret", "channel", channel)).data();

            Result bobsView = world.run(bob, "query($id: ID!) { account(id: $id) { id } }",
                    Map.of("id", GraphqlWorld.sessionOf(ada).accountId().value()));
            assertThat(bobsView.codes()).containsExactly("account_not_found");
            Result postsOfAda = world.run(bob, "{ posts { edges { node { body author { id posts { edges { node {"
                    + " body } } } } } } } }");
            assertThat((List<?>) postsOfAda.at("posts", "edges", 0, "node", "author", "posts", "edges")).hasSize(1);
        }
    }
}
