package dev.strata.adapters.persistence.memory;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The in-memory stores' concurrency: state guarded by one read-write lock, so that every store
 * method is atomic (as a database transaction would be) while reads run side by side. Simple
 * beats clever here: the stores are for tests and small embedded uses.
 */
public final class Guarded {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /** Runs {@code read} under the shared lock. */
    public <T> T read(Supplier<T> read) {
        return under(lock.readLock(), read);
    }

    /** Runs {@code write} under the exclusive lock: it sees and changes the state alone. */
    public <T> T write(Supplier<T> write) {
        return under(lock.writeLock(), write);
    }

    /** Runs {@code write} under the exclusive lock. */
    public void write(Runnable write) {
        under(lock.writeLock(), () -> {
            write.run();
            return null;
        });
    }

    private static <T> T under(Lock held, Supplier<T> action) {
        held.lock();
        try {
            return action.get();
        } finally {
            held.unlock();
        }
    }
}
