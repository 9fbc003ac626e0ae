package dev.strata.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.contracts.identity.ForwardingIdentityStore;
import dev.strata.contracts.orders.ForwardingOrderStore;
import dev.strata.contracts.posts.ForwardingPostStore;
import dev.strata.core.identity.store.IdentityStore;
import dev.strata.core.orders.store.OrderStore;
import dev.strata.core.posts.store.PostStore;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Each forwarding store passes every call of its port on to the store it wraps, with the same
 * arguments, and returns what that store returned.
 */
class ForwardingStoresTest {

    @Test
    void theIdentityStorePassesEveryCallOn() throws Exception {
        assertEveryCallPassesOn(IdentityStore.class, ForwardingIdentityStore::new);
    }

    @Test
    void thePostStorePassesEveryCallOn() throws Exception {
        assertEveryCallPassesOn(PostStore.class, ForwardingPostStore::new);
    }

    @Test
    void theOrderStorePassesEveryCallOn() throws Exception {
        assertEveryCallPassesOn(OrderStore.class, ForwardingOrderStore::new);
    }

    private static <T> void assertEveryCallPassesOn(Class<T> port, Function<T, T> forwarding) throws Exception {
        List<String> received = new ArrayList<>();
        T recorder = port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                (proxy, method, arguments) -> {
                    received.add(method.getName() + Arrays.toString(arguments == null ? new Object[0] : arguments));
                    return answerFor(method.getReturnType());
                }));
        T store = forwarding.apply(recorder);

        for (Method method : port.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Object[] arguments = Arrays.stream(method.getParameterTypes()).map(ForwardingStoresTest::zeroFor).toArray();
            received.clear();

            Object returned = method.invoke(store, arguments);

            assertThat(received).as(method.toString()).containsExactly(method.getName() + Arrays.toString(arguments));
            assertThat(returned).as(method.toString()).isEqualTo(answerFor(method.getReturnType()));
            if (ANSWERS.containsKey(method.getReturnType())) {
                assertThat(returned).as(method.toString()).isSameAs(ANSWERS.get(method.getReturnType()));
            }
        }
    }

    /** What the wrapped store answers: one instance per container type, a number, or null. */
    private static final Map<Class<?>, Object> ANSWERS = Map.of(
            Optional.class, Optional.of("answer"), List.class, new ArrayList<>(List.of("answer")),
            Set.class, new HashSet<>(Set.of("answer")), boolean.class, true, int.class, 7, long.class, 7L);

    private static Object answerFor(Class<?> type) {
        return ANSWERS.get(type);
    }

    /** An argument of {@code type}: the primitives' zero, otherwise null. */
    private static Object zeroFor(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
