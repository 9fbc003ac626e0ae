package dev.strata.core.identity;

import dev.strata.core.common.UnavailableException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes and verifies passwords with Argon2id, storing each hash as a PHC string
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) that carries its own parameters, so that
 * hashes made under older parameters still verify after the parameters change.
 *
 * <p>Each hash takes {@code memoryKiB} of memory, so at most {@code maxConcurrentHashes} run at
 * once: a burst of sign-ins queues here instead of exhausting the heap. A caller that waits longer
 * than {@code maxWait} gets an {@link UnavailableException}. The default hasher runs one per
 * processor, but never more than fit in half of the JVM's maximum heap
 * ({@link #concurrentHashesFor}), so that a machine with many cores cannot run out of heap on a
 * burst of sign-ins whatever {@code -Xmx} it is given.
 *
 * <p>The memory is Bouncy Castle's Argon2 blocks of 1 KiB, which the hasher keeps between hashes
 * ({@link Argon2Memory}, through Bouncy Castle's {@link Argon2BytesGenerator.BlockPool}): a hash
 * takes a set of blocks and gives it back, zeroed, instead of allocating 19 MiB of new objects that
 * the garbage collector must then copy and reclaim. The sets fill on the first hashes and then hold
 * at most {@code maxConcurrentHashes × memoryKiB} KiB for as long as the hasher lives.
 *
 * <p>Thread-safe.
 */
public final class PasswordHasher {

    /** OWASP's recommended Argon2id parameters: m = 19456 KiB, t = 2, p = 1. */
    public static final Parameters RECOMMENDED = new Parameters(19_456, 2, 1);

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Parameters parameters;
    private final Argon2Memory memory;
    private final Semaphore permits;
    private final int maxConcurrentHashes;
    private final Duration maxWait;
    private final String dummyHash;
    private final Observer observer;
    /** Where the time an Argon2 computation took is read from: {@link System#nanoTime}, or a test's. */
    private final LongSupplier nanoTime;

    /**
     * Argon2id with the recommended parameters, as many hashes at once as there are processors but
     * no more than half of the maximum heap holds ({@link #concurrentHashesFor}).
     */
    public PasswordHasher() {
        this(RECOMMENDED, concurrentHashesFor(RECOMMENDED, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory()), Duration.ofSeconds(10));
    }

    /**
     * How many hashes with {@code parameters} the default hasher runs at once: one per processor,
     * but no more than fit in half of {@code maxHeapBytes} (the other half is left to the rest of
     * the application), and at least one. With the recommended 19 MiB per hash and a 512 MiB heap
     * that is at most 13.
     */
    public static int concurrentHashesFor(Parameters parameters, int processors, long maxHeapBytes) {
        long perHash = parameters.memoryKiB() * 1024L;
        long fitInHalfTheHeap = maxHeapBytes / 2 / perHash;
        return (int) Math.max(1, Math.min(processors, fitInHalfTheHeap));
    }

    /** How many hashes may run at once; the rest wait for a permit. */
    public int maxConcurrentHashes() {
        return maxConcurrentHashes;
    }

    public PasswordHasher(Parameters parameters, int maxConcurrentHashes, Duration maxWait) {
        Objects.requireNonNull(parameters, "parameters");
        if (maxConcurrentHashes < 1) {
            throw new IllegalArgumentException("at least one hash must be allowed to run");
        }
        this.parameters = parameters;
        this.memory = new Argon2Memory(parameters.memoryKiB());
        this.permits = new Semaphore(maxConcurrentHashes, true);
        this.maxConcurrentHashes = maxConcurrentHashes;
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
        this.dummyHash = decoyHash(parameters);
        this.observer = (operation, took) -> { };
        this.nanoTime = System::nanoTime;
    }

    private PasswordHasher(PasswordHasher original, Observer observer, LongSupplier nanoTime) {
        this.parameters = original.parameters;
        this.memory = original.memory;
        this.permits = original.permits;
        this.maxConcurrentHashes = original.maxConcurrentHashes;
        this.maxWait = original.maxWait;
        this.dummyHash = original.dummyHash;
        this.observer = Objects.requireNonNull(observer, "observer");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * This hasher (same parameters, same bound on concurrent hashes), telling {@code observer} how
     * long each Argon2 computation took, without the time spent queueing for a permit.
     */
    public PasswordHasher observedBy(Observer observer) {
        return new PasswordHasher(this, observer, nanoTime);
    }

    /** This hasher, timing its computations by {@code nanoTime}; for tests. */
    PasswordHasher timedBy(LongSupplier nanoTime) {
        return new PasswordHasher(this, observer, nanoTime);
    }

    /** A new salted hash of {@code password}, as a PHC string. */
    public String hash(String password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return bounded(Operation.HASH,
                () -> new StoredHash(parameters, salt, argon2id(password, parameters, salt, HASH_BYTES)).toString());
    }

    /** Whether {@code password} is the one {@code hash} was made from. */
    public boolean verify(String password, String hash) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(hash, "hash");
        return bounded(Operation.VERIFY, () -> {
            Optional<StoredHash> stored = StoredHash.parse(hash);
            if (stored.isEmpty()) {
                return false;
            }
            byte[] expected = stored.get().digest();
            return MessageDigest.isEqual(expected,
                    argon2id(password, stored.get().parameters(), stored.get().salt(), expected.length));
        });
    }

    /** Argon2id (version 1.3) of the password's UTF-8 bytes, in memory kept between hashes. */
    private byte[] argon2id(String password, Parameters with, byte[] salt, int digestBytes) {
        return memory.with(blocks -> {
            Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
            argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(with.memoryKiB())
                    .withIterations(with.iterations())
                    .withParallelism(with.parallelism())
                    .withSalt(salt)
                    .withBlockPool(blocks)
                    .build());
            byte[] digest = new byte[digestBytes];
            argon2.generateBytes(password.toCharArray(), digest);
            return digest;
        });
    }

    /**
     * Spends the same work as {@link #verify} against a hash no password matches, so that a
     * sign-in for an unknown email takes as long as one with a wrong password.
     */
    public void verifyAgainstNothing(String password) {
        verify(password, dummyHash);
    }

    /**
     * A well-formed PHC string with this hasher's parameters, a random salt and a random digest,
     * which no password matches (but with odds of 2^-256). Checking a password against it costs a
     * full Argon2 computation, exactly as against a real hash, while making it costs nothing: a
     * real hash here would be an Argon2 computation on every start-up.
     */
    static String decoyHash(Parameters parameters) {
        byte[] salt = new byte[SALT_BYTES];
        byte[] digest = new byte[HASH_BYTES];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(digest);
        return new StoredHash(parameters, salt, digest).toString();
    }

    /** The memory kept between hashes; for tests. */
    Argon2Memory memory() {
        return memory;
    }

    /** The decoy hash {@link #verifyAgainstNothing} checks against; for tests. */
    String decoyHash() {
        return dummyHash;
    }

    private <T> T bounded(Operation operation, Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while waiting to hash a password", e);
        }
        if (!acquired) {
            throw new UnavailableException("too many passwords are being checked at once; retry shortly", null);
        }
        long started = nanoTime.getAsLong();
        try {
            return work.get();
        } finally {
            permits.release();
            observer.computed(operation, Duration.ofNanos(nanoTime.getAsLong() - started));
        }
    }

    /** What an Argon2 computation was for. */
    public enum Operation {
        /** Hashing a new password. */
        HASH,
        /** Checking a password against a stored hash (including the decoy check for unknown emails). */
        VERIFY
    }

    /**
     * Told how long each Argon2 computation took, so that an adapter can publish it (core itself
     * knows no metrics library). Called on the hashing thread: implementations must be fast and
     * thread-safe, and must not throw.
     */
    @FunctionalInterface
    public interface Observer {

        void computed(Operation operation, Duration took);
    }

    /**
     * Argon2id cost parameters.
     *
     * @param memoryKiB   memory per hash, in KiB
     * @param iterations  passes over that memory
     * @param parallelism lanes
     */
    public record Parameters(int memoryKiB, int iterations, int parallelism) {

        public Parameters {
            if (!valid(memoryKiB, iterations, parallelism)) {
                throw new IllegalArgumentException("invalid Argon2 parameters");
            }
        }

        /** Whether Argon2 takes these: at least one pass and one lane, and 8 KiB of memory per lane. */
        static boolean valid(int memoryKiB, int iterations, int parallelism) {
            return memoryKiB >= 8 * parallelism && iterations >= 1 && parallelism >= 1;
        }
    }
}
