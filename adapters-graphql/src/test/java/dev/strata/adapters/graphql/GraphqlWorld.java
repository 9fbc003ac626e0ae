package dev.strata.adapters.graphql;

import dev.strata.adapters.persistence.memory.identity.InMemoryIdentityStore;
import dev.strata.adapters.persistence.memory.orders.InMemoryOrderStore;
import dev.strata.adapters.persistence.memory.posts.InMemoryPostStore;
import dev.strata.contracts.MutableClock;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.contracts.identity.IdentityFixtures;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.identity.store.IdentityStore;
import dev.strata.core.orders.OrderService;
import dev.strata.core.posts.PostService;
import dev.strata.core.posts.store.PostStore;
import graphql.ExecutionResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The GraphQL API over real services and in-memory stores (whose calls are counted), run in
 * process: what the adapter's tests run queries against. Fakes, not mocks.
 */
final class GraphqlWorld {

    static final String PASSWORD = "correct horse battery staple";

    final MutableClock clock = MutableClock.startingNow();
    final Counting<IdentityStore> identityStore = Counting.of(IdentityStore.class, new InMemoryIdentityStore());
    final IdentityService identity =
            new IdentityService(identityStore.store(), clock, IdentityFixtures.FAST_HASHER, IdentityFixtures.newSigner());
    final Counting<PostStore> postStore = Counting.of(PostStore.class, new InMemoryPostStore());
    final PostService posts = new PostService(postStore.store(), identity, clock);
    final OrderService orders = new OrderService(new InMemoryOrderStore(), clock);
    final StrataGraphql graphql;
    private final Map<Caller, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    GraphqlWorld() {
        this(builder -> builder);
    }

    GraphqlWorld(UnaryOperator<StrataGraphql.Builder> settings) {
        this.graphql = settings.apply(StrataGraphql.builder(identity, posts, orders)).build();
    }

    /** Runs {@code query} as {@code caller}; the result as the specification lays it out. */
    Result run(Caller caller, String query, Map<String, Object> variables) {
        ExecutionResult result = graphql.execute(GraphqlRequest.of(query, variables), caller);
        return new Result(result.toSpecification(), result.isDataPresent());
    }

    /** Runs the operation {@code operationName} of {@code query} as {@code caller}. */
    Result run(Caller caller, String query, Map<String, Object> variables, String operationName) {
        ExecutionResult result = graphql.execute(new GraphqlRequest(query, Optional.of(operationName),
                variables, Optional.empty()), caller);
        return new Result(result.toSpecification(), result.isDataPresent());
    }

    Result run(Caller caller, String query) {
        return run(caller, query, Map.of());
    }

    /** A new account, signed up and signed in through the API; the caller it makes requests as. */
    Caller signUpAndIn(String name) {
        String email = name + "-" + IdentityFixtures.uniqueEmail();
        run(Caller.anonymous(), "mutation($input: SignUpInput!) { signUp(input: $input) { id } }",
                Map.of("input", Map.of("email", email, "password", PASSWORD, "displayName", name))).data();
        Result signedIn = run(Caller.anonymous(), "mutation($input: SignInInput!) { signIn(input: $input) { token } }",
                Map.of("input", Map.of("email", email, "password", PASSWORD)));
        String token = (String) signedIn.at("signIn", "token");
        Caller caller = Caller.of(identity.verifySession(token));
        tokens.put(caller, token);
        return caller;
    }

    /** The caller as its next request would be: its token verified again, as the HTTP filter does. */
    Caller again(Caller caller) {
        try {
            return Caller.of(identity.verifySession(tokens.get(caller)));
        } catch (dev.strata.core.common.AuthenticationException refused) {
            return Caller.refused(refused);
        }
    }

    static AuthenticatedSession sessionOf(Caller caller) {
        return caller.session().orElseThrow();
    }

    /** A GraphQL response: {@code data}, {@code errors}, and whether it ran. */
    record Result(Map<String, Object> specification, boolean ran) {

        @SuppressWarnings("unchecked")
        Map<String, Object> data() {
            if (specification.containsKey("errors")) {
                throw new AssertionError("the operation failed: " + specification.get("errors"));
            }
            return (Map<String, Object>) specification.get("data");
        }

        /** The value at a path of field names and list indexes in {@code data}, the operation failing or not. */
        @SuppressWarnings("unchecked")
        Object at(Object... path) {
            Object value = specification.get("data");
            for (Object step : path) {
                if (value == null) {
                    return null;
                }
                value = step instanceof Integer index ? ((List<Object>) value).get(index)
                        : ((Map<String, Object>) value).get(step);
            }
            return value;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors() {
            return (List<Map<String, Object>>) specification.getOrDefault("errors", List.of());
        }

        /** The one error's extensions. */
        @SuppressWarnings("unchecked")
        Map<String, Object> onlyError() {
            if (errors().size() != 1) {
                throw new AssertionError("expected one error: " + specification);
            }
            return (Map<String, Object>) errors().getFirst().get("extensions");
        }

        /** The codes of every error, in order. */
        @SuppressWarnings("unchecked")
        List<Object> codes() {
            return errors().stream().map(error -> ((Map<String, Object>) error.getOrDefault("extensions",
                    Map.of())).get("code")).toList();
        }
    }

    /** The {@code field} of each of a validation error's {@code extensions.fields}. */
    static List<Object> fieldNames(Map<String, Object> extensions) {
        return ((List<?>) extensions.get("fields")).stream().map(field -> (Object) ((Map<?, ?>) field).get("field")).toList();
    }

    /** The {@code code} of each of a validation error's {@code extensions.fields}. */
    static List<Object> fieldCodes(Map<String, Object> extensions) {
        return ((List<?>) extensions.get("fields")).stream().map(field -> (Object) ((Map<?, ?>) field).get("code")).toList();
    }

    /** A mutable map, for variables built up in a test. */
    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
