package dev.strata.adapters.graphql;

import static dev.strata.adapters.graphql.GraphqlWorld.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.graphql.GraphqlWorld.Result;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The caller's channels, renaming, deleting and leaving a channel, and one member, through GraphQL,
 * with the codes REST gives for the same refusals.
 */
class ChannelsGraphqlTest {

    private static final String CHANNELS = """
            query($first: Int, $after: String, $last: Int, $before: String, $filter: String, $orderBy: String) {
              channels(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
                edges { cursor node { id name owner { id } } }
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }""";
    private static final String RENAME = """
            mutation($id: ID!, $version: Int!, $name: String!) {
              renameChannel(id: $id, expectedVersion: $version, name: $name) { id name version } }""";

    private final GraphqlWorld world = new GraphqlWorld();
    private final Caller ada = world.signUpAndIn("ada");
    private final Caller bob = world.signUpAndIn("bob");

    private String channel(Caller owner, String name) {
        world.clock.advance(Duration.ofMillis(1));
        return (String) world.run(owner, "mutation($name: String!) { createChannel(input: {name: $name}) { channel { id } } }",
                map("name", name)).at("createChannel", "channel", "id");
    }

    private void join(String channel, Caller owner, Caller member) {
        world.run(owner, "mutation($c: ID!, $a: ID!) { addMember(channelId: $c, accountId: $a) { added } }",
                map("c", channel, "a", GraphqlWorld.sessionOf(member).accountId().value())).data();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> names(Result result) {
        return ((List<Map<String, Object>>) result.at("channels", "edges")).stream()
                .map(edge -> ((Map<String, Object>) edge.get("node")).get("name")).toList();
    }

    @Nested
    class Listing {

        @Test
        void listsTheCallersChannelsOwnedAndJoinedNewestFirstAndNobodyElses() {
            channel(ada, "first");
            String joined = channel(bob, "bob's");
            join(joined, bob, ada);
            channel(bob, "not ada's");
            channel(ada, "third");

            assertThat(names(world.run(ada, CHANNELS))).containsExactly("third", "bob's", "first");
        }

        @Test
        void pagesForwardsAndBackWithTheCursorsAndFiltersAndOrdersAsRestDoes() {
            for (String name : List.of("a", "b", "c", "d", "e")) {
                channel(ada, name);
            }
            Result first = world.run(ada, CHANNELS, map("first", 2, "orderBy", "created_at asc"));
            Result second = world.run(ada, CHANNELS, map("first", 2, "orderBy", "created_at asc",
                    "after", first.at("channels", "pageInfo", "endCursor")));
            Result back = world.run(ada, CHANNELS, map("last", 2, "orderBy", "created_at asc",
                    "before", second.at("channels", "pageInfo", "startCursor")));

            assertThat(names(first)).containsExactly("a", "b");
            assertThat(first.at("channels", "pageInfo", "hasNextPage")).isEqualTo(true);
            assertThat(names(second)).containsExactly("c", "d");
            assertThat(names(back)).containsExactly("a", "b");
            assertThat(names(world.run(ada, CHANNELS, map("filter", "name=eq:d")))).containsExactly("d");
        }

        @Test
        void anUnknownFilterFieldOrACursorOfAnotherOrderNamesTheArgument() {
            channel(ada, "a");
            channel(ada, "b");
            Object cursor = world.run(ada, CHANNELS, map("first", 1)).at("channels", "pageInfo", "endCursor");

            assertThat(GraphqlWorld.fieldNames(world.run(ada, CHANNELS, map("filter", "owner=eq:x")).onlyError()))
                    .containsExactly("filter");
            assertThat(GraphqlWorld.fieldNames(world.run(ada, CHANNELS, map("after", cursor, "orderBy", "created_at asc"))
                    .onlyError())).containsExactly("after");
        }
    }

    @Nested
    class Renaming {

        @Test
        void theOwnerRenamesAtTheCurrentVersionAndTheVersionGoesUp() {
            String id = channel(ada, "old");

            Result renamed = world.run(ada, RENAME, map("id", id, "version", 0, "name", "  new  "));

            assertThat(renamed.data()).isEqualTo(Map.of("renameChannel", Map.of("id", id, "name", "new", "version", 1)));
        }

        @Test
        void aStaleVersionIsVersionMismatchAndChangesNothing() {
            String id = channel(ada, "old");
            world.run(ada, RENAME, map("id", id, "version", 0, "name", "newer")).data();

            assertThat(world.run(ada, RENAME, map("id", id, "version", 0, "name", "lost")).onlyError())
                    .containsEntry("code", "version_mismatch");
            assertThat(world.run(ada, "query($id: ID!) { channel(id: $id) { name } }", map("id", id))
                    .at("channel", "name")).isEqualTo("newer");
        }

        @Test
        void aMemberWhoIsNotTheOwnerIsNotTheOwnerAndAStrangerDoesNotSeeTheChannel() {
            String id = channel(ada, "ada's");
            join(id, ada, bob);
            Caller eve = world.signUpAndIn("eve");

            assertThat(world.run(bob, RENAME, map("id", id, "version", 0, "name", "bob's")).onlyError())
                    .containsEntry("code", "not_the_owner");
            assertThat(world.run(eve, RENAME, map("id", id, "version", 0, "name", "eve's")).onlyError())
                    .containsEntry("code", "channel_not_found");
        }

        @Test
        void aBlankNameNamesTheArgument() {
            String id = channel(ada, "old");

            assertThat(GraphqlWorld.fieldNames(world.run(ada, RENAME, map("id", id, "version", 0, "name", " "))
                    .onlyError())).containsExactly("name");
        }
    }

    @Nested
    class DeletingAndLeaving {

        private static final String DELETE = "mutation($id: ID!) { deleteChannel(id: $id) }";
        private static final String LEAVE = "mutation($id: ID!) { leaveChannel(id: $id) }";
        private static final String READ = "query($id: ID!) { channel(id: $id) { id } }";

        @Test
        void theOwnerDeletesItsChannelAndNobodyReadsItAfter() {
            String id = channel(ada, "gone");
            join(id, ada, bob);

            assertThat(world.run(ada, DELETE, map("id", id)).data()).isEqualTo(Map.of("deleteChannel", true));
            assertThat(world.run(bob, READ, map("id", id)).onlyError()).containsEntry("code", "channel_not_found");
        }

        @Test
        void aMemberCannotDeleteAndAStrangerDoesNotSeeTheChannel() {
            String id = channel(ada, "kept");
            join(id, ada, bob);
            Caller eve = world.signUpAndIn("eve");

            assertThat(world.run(bob, DELETE, map("id", id)).onlyError()).containsEntry("code", "not_the_owner");
            assertThat(world.run(eve, DELETE, map("id", id)).onlyError()).containsEntry("code", "channel_not_found");
            assertThat(world.run(ada, READ, map("id", id)).at("channel", "id")).isEqualTo(id);
        }

        @Test
        void aMemberLeavesAndNoLongerSeesTheChannel() {
            String id = channel(ada, "left");
            join(id, ada, bob);

            assertThat(world.run(bob, LEAVE, map("id", id)).data()).isEqualTo(Map.of("leaveChannel", true));
            assertThat(world.run(bob, READ, map("id", id)).onlyError()).containsEntry("code", "channel_not_found");
            assertThat(world.run(bob, LEAVE, map("id", id)).onlyError()).containsEntry("code", "channel_not_found");
        }

        @Test
        void theOwnerCannotLeave() {
            String id = channel(ada, "mine");

            assertThat(world.run(ada, LEAVE, map("id", id)).onlyError())
                    .containsEntry("code", "owner_cannot_leave")
                    .containsEntry("classification", "FAILED_PRECONDITION");
            assertThat(world.run(ada, READ, map("id", id)).at("channel", "id")).isEqualTo(id);
        }
    }

    @Nested
    class OneMember {

        private static final String MEMBER = """
                query($id: ID!, $account: ID!) { channel(id: $id) { member(accountId: $account) {
                  account { id } owner } } }""";

        @Test
        void readsTheOwnerAndAMemberAndRefusesAnAccountThatIsNotOne() {
            String id = channel(ada, "team");
            join(id, ada, bob);
            Caller eve = world.signUpAndIn("eve");
            String bobId = GraphqlWorld.sessionOf(bob).accountId().value();
            String adaId = GraphqlWorld.sessionOf(ada).accountId().value();

            assertThat(world.run(bob, MEMBER, map("id", id, "account", bobId)).at("channel", "member"))
                    .isEqualTo(Map.of("account", Map.of("id", bobId), "owner", false));
            assertThat(world.run(bob, MEMBER, map("id", id, "account", adaId)).at("channel", "member", "owner"))
                    .isEqualTo(true);
            assertThat(world.run(ada, MEMBER, map("id", id, "account",
                    GraphqlWorld.sessionOf(eve).accountId().value())).onlyError())
                    .containsEntry("code", "member_not_found");
        }
    }
}
