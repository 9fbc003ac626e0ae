package dev.strata.adapters.rest.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.HttpDriver;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestApi;
import dev.strata.core.common.ListQuery;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.orders.OrderId;
import dev.strata.core.posts.ChannelId;
import dev.strata.core.posts.PostId;
import dev.strata.core.posts.PostService;
import dev.strata.core.posts.store.PostFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may do what, for every operation of the served document: each is sent, as the document
 * describes it, by the owner of what it names, by a member of the owner's channel, by a stranger
 * (another account), without a token, and with the token of a session that was ended; each caller
 * gets the status its row says (another owner's private resource is a 404, a visible one the
 * caller may not change a 403, as DESIGN says), and a refusal leaves the stores as they were. The
 * rows are keyed by operationId: an operation without a row, or a row without an operation, fails.
 */
class AuthorizationMatrixTest {

    @RegisterExtension
    static final TestApi api = new TestApi();

    private static JsonNode document;
    private static SchemaValues values;

    @BeforeAll
    static void readDocument() {
        document = api.http.get("/v1/openapi.json").send().json();
        values = new SchemaValues(document);
    }

    enum Caller { OWNER, MEMBER, STRANGER, NO_TOKEN, ENDED_SESSION }

    /**
     * What each signed-in caller gets (the owner, a member of the owner's channel, a stranger);
     * without a token or with an ended session, a secured operation is 401 and any other answers as
     * to the stranger. {@code setup} brings the world to the state the operation needs (an order
     * paid before it ships); {@code body} replaces the documented body where a valid one names
     * server state (the credentials of an account).
     */
    record Row(int owner, int member, int stranger, BiConsumer<TestApi, World> setup,
            Optional<Function<World, JsonNode>> body) {

        static Row of(int owner, int member, int stranger) {
            return new Row(owner, member, stranger, (api, world) -> { }, Optional.empty());
        }

        static Row everyone(int status) {
            return of(status, status, status);
        }

        Row after(BiConsumer<TestApi, World> before) {
            return new Row(owner, member, stranger, before, body);
        }

        Row withBody(Function<World, JsonNode> replacement) {
            return new Row(owner, member, stranger, setup, Optional.of(replacement));
        }
    }

    private static final BiConsumer<TestApi, World> PAID = (api, world) ->
            api.orders.pay(session(api, world), new OrderId(world.order()));
    private static final BiConsumer<TestApi, World> SHIPPED = PAID.andThen((api, world) ->
            api.orders.ship(session(api, world), new OrderId(world.order())));
    private static final BiConsumer<TestApi, World> CANCELLED = (api, world) ->
            api.orders.cancel(session(api, world), new OrderId(world.order()), "ordered twice");

    static final Map<String, Row> MATRIX = matrix();

    private static Map<String, Row> matrix() {
        Map<String, Row> rows = new LinkedHashMap<>();
        rows.put("getEntryPoint", Row.everyone(200));
        rows.put("getOpenApiJson", Row.everyone(200));
        rows.put("getOpenApiYaml", Row.everyone(200));
        // Identity: an account is private to itself; each caller's own session is "me".
        rows.put("signUp", Row.everyone(201));
        rows.put("signIn", Row.everyone(201).withBody(world -> JsonNodeFactory.instance.objectNode()
                .put("email", world.owner().email()).put("password", Accounts.PASSWORD)));
        rows.put("getAccount", Row.of(200, 404, 404));
        rows.put("changeAccount", Row.of(200, 404, 404));
        rows.put("listAccountSessions", Row.of(200, 404, 404));
        rows.put("signOutEverywhere", Row.of(204, 404, 404));
        rows.put("endAccountSession", Row.of(204, 404, 404));
        rows.put("closeAccount", Row.of(204, 404, 404).withBody(world -> JsonNodeFactory.instance.objectNode()
                .put("current_password", Accounts.PASSWORD)));
        rows.put("getCurrentSession", Row.everyone(200));
        rows.put("signOut", Row.everyone(204));
        // Posts: the world's post is in the owner's channel, so only members read it; only its author changes it.
        rows.put("createPost", Row.everyone(201));
        rows.put("searchPosts", Row.everyone(200));
        rows.put("getPost", Row.of(200, 200, 404));
        rows.put("editPost", Row.of(200, 403, 404));
        rows.put("deletePost", Row.of(204, 403, 404));
        rows.put("listAccountPosts", Row.everyone(200));
        rows.put("createChannel", Row.everyone(201));
        rows.put("listChannels", Row.everyone(200));
        rows.put("getChannel", Row.of(200, 200, 404));
        rows.put("renameChannel", Row.of(200, 403, 404));
        rows.put("deleteChannel", Row.of(204, 403, 404));
        rows.put("listChannelMembers", Row.of(200, 200, 404));
        rows.put("getChannelMember", Row.of(200, 200, 404));
        rows.put("addChannelMember", Row.of(200, 403, 404));
        // The account the operation names is the member: the member removing itself is leaving.
        rows.put("removeChannelMember", Row.of(204, 204, 404));
        rows.put("listChannelPosts", Row.of(200, 200, 404));
        rows.put("createChannelPost", Row.of(201, 201, 404));
        // Orders are private to their owner.
        rows.put("createOrder", Row.everyone(201));
        rows.put("listOrders", Row.everyone(200));
        rows.put("getOrder", Row.of(200, 404, 404));
        rows.put("putOrder", Row.of(200, 404, 404));
        rows.put("patchOrder", Row.of(200, 404, 404));
        rows.put("deleteOrder", Row.of(204, 404, 404));
        rows.put("cancelOrder", Row.of(201, 404, 404));
        rows.put("getOrderCancellation", Row.of(200, 404, 404).after(CANCELLED));
        rows.put("payOrder", Row.of(201, 404, 404));
        rows.put("getOrderPayment", Row.of(200, 404, 404).after(PAID));
        rows.put("shipOrder", Row.of(201, 404, 404).after(PAID));
        rows.put("getOrderShipment", Row.of(200, 404, 404).after(SHIPPED));
        return rows;
    }

    private static AuthenticatedSession session(TestApi api, World world) {
        return api.identity.verifySession(world.owner().token());
    }

    @Test
    void everyOperationOfTheDocumentHasARowAndEveryRowAnOperation() {
        List<String> documented = DocumentedOperation.all(document).stream().map(DocumentedOperation::operationId)
                .toList();

        assertThat(MATRIX.keySet()).containsExactlyInAnyOrderElementsOf(documented);
    }

    static Stream<Arguments> cases() {
        JsonNode served = api.http.get("/v1/openapi.json").send().json();
        List<Arguments> cases = new ArrayList<>();
        for (DocumentedOperation operation : DocumentedOperation.all(served)) {
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(operation.operationId(), caller, operation));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cases")
    void eachCallerGetsItsStatusAndARefusalChangesNothing(String operationId, Caller caller,
            DocumentedOperation operation) {
        Row row = MATRIX.get(operationId);
        assertThat(row).as("a row for " + operationId).isNotNull();
        World world = World.create(api);
        row.setup().accept(api, world);
        Object before = snapshot(world);

        HttpResult result = send(operation, row, world, caller);

        assertThat(result.status()).as(result.toString()).isEqualTo(expected(operation, row, caller));
        if (result.status() >= 400) {
            assertThat(result.contentType()).startsWith("application/problem+json");
            assertThat(snapshot(world)).as("a refusal changes nothing").isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "{0} shows a stranger nothing of the channel or the order")
    @MethodSource("cases")
    void whatAStrangerMayReadRevealsNothingOfOthers(String operationId, Caller caller, DocumentedOperation operation) {
        Row row = MATRIX.get(operationId);
        if (caller != Caller.STRANGER || !operation.method().equals("GET") || row.stranger() != 200) {
            return;
        }
        World world = World.create(api);
        row.setup().accept(api, world);

        HttpResult result = send(operation, row, world, caller);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).doesNotContain(world.post()).doesNotContain("team only")
                .doesNotContain(world.order()).doesNotContain(world.channel());
    }

    private static int expected(DocumentedOperation operation, Row row, Caller caller) {
        return switch (caller) {
            case OWNER -> row.owner();
            case MEMBER -> row.member();
            case STRANGER -> row.stranger();
            case NO_TOKEN, ENDED_SESSION -> operation.secured() ? 401 : row.stranger();
        };
    }

    private static HttpResult send(DocumentedOperation operation, Row row, World world, Caller caller) {
        Probe.Request request = ContractFuzzTest.validRequest(values, operation, world);
        HttpDriver.Call call = api.http.method(operation.method(), request.target(operation.path()));
        request.headers().forEach((name, value) -> {
            if (!name.equals("Authorization")) {
                call.header(name, value);
            }
        });
        Optional<JsonNode> body = row.body().map(replacement -> replacement.apply(world)).or(request::body);
        body.ifPresent(json -> call.body(operation.bodyType().orElseThrow(), json.toString()));
        switch (caller) {
            case OWNER -> call.bearer(world.owner().token());
            case MEMBER -> call.bearer(world.member().token());
            case STRANGER -> call.bearer(world.stranger().token());
            case ENDED_SESSION -> {
                String token = world.stranger().token();
                api.identity.endSession(api.identity.verifySession(token));
                call.bearer(token);
            }
            case NO_TOKEN -> {
            }
        }
        return call.send();
    }

    /** Everything of the world a refused call must leave alone, read straight from the stores. */
    private static Object snapshot(World world) {
        ChannelId channel = new ChannelId(world.channel());
        AccountId owner = new AccountId(world.owner().id());
        return List.of(api.postStore.findPost(new PostId(world.post())),
                api.postStore.findChannel(channel),
                api.postStore.listMembers(channel, ListQuery.firstPage(PostService.MEMBER_QUERY.defaultSort(), 100)).items(),
                api.postStore.listPosts(PostFilter.visibleTo(owner, 100).byAuthor(owner)).items(),
                api.identityStore.findAccount(owner),
                api.identityStore.listSessions(owner, api.clock.instant()),
                api.orderStore.find(new OrderId(world.order())));
    }
}
