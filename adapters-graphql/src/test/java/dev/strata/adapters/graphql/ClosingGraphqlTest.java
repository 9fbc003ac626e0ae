package dev.strata.adapters.graphql;

import static dev.strata.adapters.graphql.GraphqlWorld.PASSWORD;
import static dev.strata.adapters.graphql.GraphqlWorld.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.orders.Order;
import dev.strata.core.orders.OrderId;
import dev.strata.core.orders.OrderState;
import dev.strata.core.posts.ChannelId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Ending one session from the session list, and closing one's own account, through GraphQL. */
class ClosingGraphqlTest {

    private static final String END_SESSION = """
            mutation($account: ID!, $session: ID!) { endSession(accountId: $account, sessionId: $session) }""";
    private static final String CLOSE = """
            mutation($id: ID!, $password: String!) { closeAccount(id: $id, currentPassword: $password) }""";

    private final GraphqlWorld world = new GraphqlWorld();
    private final Caller ada = world.signUpAndIn("ada");
    private final Caller bob = world.signUpAndIn("bob");

    private static String accountId(Caller caller) {
        return GraphqlWorld.sessionOf(caller).accountId().value();
    }

    private static String sessionId(Caller caller) {
        return GraphqlWorld.sessionOf(caller).session().id().value();
    }

    /** Another session of the same account, signed in through the API. */
    private Caller signInAgain(Caller caller) {
        String email = (String) world.run(caller, "{ viewer { account { email } } }").at("viewer", "account", "email");
        String token = (String) world.run(Caller.anonymous(), "mutation($e: String!, $p: String!) {"
                + " signIn(input: {email: $e, password: $p}) { token } }", map("e", email, "p", PASSWORD))
                .at("signIn", "token");
        return Caller.of(world.identity.verifySession(token));
    }

    @Nested
    class EndingOneSession {

        @Test
        void endsAnotherSessionOfOnesOwnAccountWhoseTokenThenFails() {
            Caller phone = signInAgain(ada);

            assertThat(world.run(ada, END_SESSION, map("account", accountId(ada), "session", sessionId(phone))).data())
                    .isEqualTo(Map.of("endSession", true));
            assertThat(world.identity.listSessions(GraphqlWorld.sessionOf(ada), GraphqlWorld.sessionOf(ada).accountId()))
                    .extracting(session -> session.id().value()).containsExactly(sessionId(ada));
            assertThat(world.run(ada, END_SESSION, map("account", accountId(ada), "session", sessionId(phone)))
                    .onlyError()).containsEntry("code", "session_not_found");
        }

        @Test
        void anotherAccountIsNotFoundAndAnotherAccountsSessionIsNotOnesOwn() {
            assertThat(world.run(ada, END_SESSION, map("account", accountId(bob), "session", sessionId(bob)))
                    .onlyError()).containsEntry("code", "account_not_found");
            assertThat(world.run(ada, END_SESSION, map("account", accountId(ada), "session", sessionId(bob)))
                    .onlyError()).containsEntry("code", "session_not_found");
            assertThat(world.run(world.again(bob), "{ viewer { id } }").data()).isNotNull();
        }

        @Test
        void aMalformedSessionIdNamesTheArgument() {
            assertThat(GraphqlWorld.fieldNames(world.run(ada, END_SESSION,
                    map("account", accountId(ada), "session", "not an id")).onlyError())).containsExactly("sessionId");
        }
    }

    @Nested
    class ClosingAnAccount {

        @Test
        void closesTheAccountEndingItsSessionsDeletingItsChannelsAndCancellingItsOpenOrders() {
            Caller phone = signInAgain(ada);
            String channel = (String) world.run(ada, "mutation { createChannel(input: {name: \"ada's\"}) {"
                    + " channel { id } } }").at("createChannel", "channel", "id");
            String order = (String) world.run(ada, "mutation { createOrder(input: {currency: \"EUR\", items:"
                    + " [{sku: \"a\", quantity: 1, unitPrice: \"2.50\"}]}) { order { id } } }")
                    .at("createOrder", "order", "id");

            assertThat(world.run(ada, CLOSE, map("id", accountId(ada), "password", PASSWORD)).data())
                    .isEqualTo(Map.of("closeAccount", true));

            assertThat(world.run(world.again(ada), "{ viewer { id } }").codes()).containsExactly("invalid_token");
            assertThat(world.identity.findAccount(GraphqlWorld.sessionOf(phone).accountId())).isEmpty();
            assertThat(world.posts.findChannels(GraphqlWorld.sessionOf(bob),
                    List.of(new ChannelId(channel)))).isEmpty();
            Order cancelled = world.orders.get(GraphqlWorld.sessionOf(ada), new OrderId(order));
            assertThat(cancelled.state()).isEqualTo(OrderState.CANCELLED);
        }

        @Test
        void aWrongOrEmptyPasswordNamesCurrentPasswordAndClosesNothing() {
            Map<String, Object> wrong = world.run(ada, CLOSE, map("id", accountId(ada), "password", "wrong")).onlyError();
            Map<String, Object> empty = world.run(ada, CLOSE, map("id", accountId(ada), "password", "")).onlyError();

            assertThat(GraphqlWorld.fieldNames(wrong)).containsExactly("currentPassword");
            assertThat(GraphqlWorld.fieldCodes(wrong)).containsExactly("incorrect");
            assertThat(GraphqlWorld.fieldCodes(empty)).containsExactly("required");
            assertThat(world.run(world.again(ada), "{ viewer { id } }").data()).isNotNull();
        }

        @Test
        void anotherAccountIsNotFoundAndStaysOpen() {
            assertThat(world.run(ada, CLOSE, map("id", accountId(bob), "password", PASSWORD)).onlyError())
                    .containsEntry("code", "account_not_found");
            assertThat(world.run(world.again(bob), "{ viewer { id } }").data()).isNotNull();
        }
    }
}
