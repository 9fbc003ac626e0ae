package dev.strata.adapters.rest.posts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.Accounts.SignedIn;
import dev.strata.adapters.rest.testing.HttpDriver;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestApi;
import dev.strata.core.identity.AccountId;
import dev.strata.core.posts.ChannelId;
import dev.strata.core.posts.PostId;
import dev.strata.core.posts.store.PostFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may do what, endpoint by endpoint: for each endpoint and each kind of caller (the author, who
 * also owns the channel; another member of the channel; a signed-in non-member; a caller without a
 * token; a caller whose session was ended), the expected status, and, when the call is refused,
 * proof that the store is exactly as it was. Each case runs in a world of its own: a channel with
 * the author and a member, a post of the author's in the channel, and a third member to remove.
 */
class PostsAuthorizationMatrixTest {

    private static TestApi api;
    private static HttpDriver http;

    @BeforeAll
    static void start() {
        api = new TestApi();
        http = api.http;
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    enum Caller { AUTHOR, MEMBER, NON_MEMBER, SIGNED_OUT, ENDED_SESSION }

    /** One case's fixtures. */
    record World(SignedIn author, SignedIn member, SignedIn nonMember, SignedIn ended, SignedIn third,
            SignedIn outsiderToAdd, String channel, String post, String postTag) {

        static World create() {
            SignedIn author = Accounts.signUpAndIn(http);
            SignedIn member = Accounts.signUpAndIn(http);
            SignedIn third = Accounts.signUpAndIn(http);
            String channel = http.post("/v1/channels").bearer(author.token()).json("{\"name\":\"team\"}").send().field("id");
            for (SignedIn joining : List.of(member, third)) {
                assertThat(http.put("/v1/channels/" + channel + "/members/" + joining.id()).bearer(author.token()).send()
                        .status()).isEqualTo(201);
            }
            HttpResult post = http.post("/v1/channels/" + channel + "/posts").bearer(author.token())
                    .json("{\"body\":\"team only\"}").send();
            SignedIn ended = Accounts.signUpAndIn(http);
            assertThat(http.delete("/v1/sessions/me").bearer(ended.token()).send().status()).isEqualTo(204);
            return new World(author, member, Accounts.signUpAndIn(http), ended, third, Accounts.signUpAndIn(http),
                    channel, post.field("id"), post.header("ETag").orElseThrow());
        }

        HttpDriver.Call as(Caller caller, HttpDriver.Call call) {
            return switch (caller) {
                case AUTHOR -> call.bearer(author.token());
                case MEMBER -> call.bearer(member.token());
                case NON_MEMBER -> call.bearer(nonMember.token());
                case SIGNED_OUT -> call;
                case ENDED_SESSION -> call.bearer(ended.token());
            };
        }

        /** Everything a refused call must leave alone, read straight from the store. */
        Object snapshot() {
            ChannelId channelId = new ChannelId(channel);
            AccountId viewer = new AccountId(author.id());
            return List.of(api.postStore.findPost(new PostId(post)),
                    api.postStore.findChannel(channelId),
                    api.postStore.listMembers(channelId),
                    api.postStore.listPosts(PostFilter.visibleTo(viewer, 100).inChannel(channelId)).items(),
                    api.postStore.listPosts(PostFilter.visibleTo(viewer, 100)
                            .byAuthor(new AccountId(nonMember.id()))).items(),
                    api.postStore.listPosts(PostFilter.visibleTo(viewer, 100).byAuthor(viewer)).items());
        }
    }

    /** An endpoint: how to call it in a world, and what each caller gets. */
    record Endpoint(String name, Function<World, HttpDriver.Call> call, int author, int member, int nonMember) {

        int expected(Caller caller) {
            return switch (caller) {
                case AUTHOR -> author;
                case MEMBER -> member;
                case NON_MEMBER -> nonMember;
                case SIGNED_OUT, ENDED_SESSION -> 401;
            };
        }
    }

    private static final String PATCH_BODY = "{\"body\":\"changed\"}";

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("GET /v1/posts/{id}", world -> http.get("/v1/posts/" + world.post()), 200, 200, 404),
                new Endpoint("PATCH /v1/posts/{id}", world -> http.patch("/v1/posts/" + world.post())
                        .header("If-Match", world.postTag()).body("application/merge-patch+json", PATCH_BODY),
                        200, 403, 404),
                new Endpoint("DELETE /v1/posts/{id}", world -> http.delete("/v1/posts/" + world.post()), 204, 403, 404),
                new Endpoint("POST /v1/posts", world -> http.post("/v1/posts").json("{\"body\":\"hi\"}"), 201, 201, 201),
                new Endpoint("GET /v1/posts?q=", world -> http.get("/v1/posts?q=team"), 200, 200, 200),
                new Endpoint("GET /v1/accounts/{id}/posts",
                        world -> http.get("/v1/accounts/" + world.author().id() + "/posts"), 200, 200, 200),
                new Endpoint("POST /v1/channels", world -> http.post("/v1/channels").json("{\"name\":\"new\"}"),
                        201, 201, 201),
                new Endpoint("GET /v1/channels/{id}", world -> http.get("/v1/channels/" + world.channel()), 200, 200, 404),
                new Endpoint("PUT /v1/channels/{id}/members/{account_id}", world -> http.put(
                        "/v1/channels/" + world.channel() + "/members/" + world.outsiderToAdd().id()), 201, 403, 404),
                new Endpoint("DELETE /v1/channels/{id}/members/{account_id}", world -> http.delete(
                        "/v1/channels/" + world.channel() + "/members/" + world.third().id()), 204, 403, 404),
                new Endpoint("GET /v1/channels/{id}/members",
                        world -> http.get("/v1/channels/" + world.channel() + "/members"), 200, 200, 404),
                new Endpoint("POST /v1/channels/{id}/posts", world -> http.post(
                        "/v1/channels/" + world.channel() + "/posts").json("{\"body\":\"hi\"}"), 201, 201, 404),
                new Endpoint("GET /v1/channels/{id}/posts",
                        world -> http.get("/v1/channels/" + world.channel() + "/posts"), 200, 200, 404));
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(endpoint.name(), caller, endpoint));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cases")
    void eachCallerGetsItsStatusAndARefusalChangesNothing(String name, Caller caller, Endpoint endpoint) {
        World world = World.create();
        Object before = world.snapshot();

        HttpResult result = world.as(caller, endpoint.call().apply(world)).send();

        assertThat(result.status()).as(result.toString()).isEqualTo(endpoint.expected(caller));
        if (result.status() >= 400) {
            assertThat(result.contentType()).startsWith("application/problem+json");
            assertThat(world.snapshot()).isEqualTo(before);
        }
    }

    static Stream<Arguments> readsANonMemberMayMake() {
        return endpoints().stream()
                .filter(endpoint -> endpoint.name().startsWith("GET") && endpoint.nonMember() == 200)
                .map(endpoint -> Arguments.of(endpoint.name(), endpoint));
    }

    @ParameterizedTest(name = "{0} shows a non-member nothing of the channel")
    @MethodSource("readsANonMemberMayMake")
    void aReadANonMemberMayMakeRevealsNothingOfTheChannel(String name, Endpoint endpoint) {
        World world = World.create();

        HttpResult result = world.as(Caller.NON_MEMBER, endpoint.call().apply(world)).send();

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).doesNotContain(world.post()).doesNotContain("team only");
    }
}
