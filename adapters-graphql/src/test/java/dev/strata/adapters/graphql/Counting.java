package dev.strata.adapters.graphql;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A counting decorator over a real store (an in-memory one): every call goes through to it, and is
 * counted by method name. A fake that records, not a mock: the store still does the work.
 */
final class Counting<T> {

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final T store;

    private Counting(Class<T> port, T delegate) {
        InvocationHandler counting = (proxy, method, arguments) -> {
            if (method.getDeclaringClass() != Object.class) {
                calls.computeIfAbsent(method.getName(), name -> new AtomicInteger()).incrementAndGet();
            }
            try {
                return method.invoke(delegate, arguments);
            } catch (InvocationTargetException thrown) {
                throw thrown.getCause();
            }
        };
        this.store = port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, counting));
    }

    static <T> Counting<T> of(Class<T> port, T delegate) {
        return new Counting<>(port, delegate);
    }

    /** The decorated store, to give to a service. */
    T store() {
        return store;
    }

    /** The calls made since the last {@link #reset()}, by method name. */
    Map<String, Integer> calls() {
        Map<String, Integer> snapshot = new TreeMap<>();
        calls.forEach((name, count) -> snapshot.put(name, count.get()));
        return snapshot;
    }

    /** How many calls in all since the last {@link #reset()}. */
    int total() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    void reset() {
        calls.clear();
    }
}
