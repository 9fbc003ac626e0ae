package dev.strata.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.common.UnavailableException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class PasswordHasherTest {

    /** Real Argon2id with parameters cheap enough for tests. */
    private static final PasswordHasher CHEAP =
            new PasswordHasher(new PasswordHasher.Parameters(1024, 1, 1), 4, Duration.ofSeconds(30));

    @Test
    void theDefaultHasherUsesArgon2idWithTheRecommendedParameters() {
        PasswordHasher hasher = new PasswordHasher();

        String hash = hasher.hash("correct horse battery staple");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.verify("correct horse battery stapler", hash)).isFalse();
    }

    @Test
    void theDefaultHasherRunsOneHashPerProcessorButNoMoreThanHalfTheHeapHolds() {
        long mib = 1024L * 1024;
        PasswordHasher.Parameters recommended = PasswordHasher.RECOMMENDED;

        // 19 MiB a hash: half of 512 MiB holds 13, so 64 cores get 13 and 2 cores get 2.
        assertThat(PasswordHasher.concurrentHashesFor(recommended, 64, 512 * mib)).isEqualTo(13);
        assertThat(PasswordHasher.concurrentHashesFor(recommended, 2, 512 * mib)).isEqualTo(2);
        assertThat(PasswordHasher.concurrentHashesFor(recommended, 64, 4096 * mib)).isEqualTo(64);
        // A heap too small for even one still lets one run (the JVM fails loudly if it cannot).
        assertThat(PasswordHasher.concurrentHashesFor(recommended, 8, 16 * mib)).isEqualTo(1);
        assertThat(new PasswordHasher().maxConcurrentHashes()).isEqualTo(PasswordHasher.concurrentHashesFor(
                recommended, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory()));
    }

    @Test
    void twoHashesOfOnePasswordDifferByTheirSalt() {
        PasswordHasher hasher = CHEAP;

        assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
    }

    @Test
    void aHashMadeUnderOtherParametersStillVerifies() {
        String oldHash = CHEAP.hash("an old password");

        assertThat(new PasswordHasher().verify("an old password", oldHash)).isTrue();
    }

    @Test
    void hashesWrittenBySpringSecuritysEncoderVerifyAndItVerifiesOurs() {
        // Spring Security's Argon2 encoder hashed Strata's passwords before the hasher pooled its
        // memory: the hashes stored then must verify now, and the format is the same both ways.
        Argon2PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, 1024, 1);
        String before = spring.encode("a password from before");

        assertThat(CHEAP.verify("a password from before", before)).isTrue();
        assertThat(CHEAP.verify("a password from after", before)).isFalse();
        assertThat(spring.matches("a password from now", CHEAP.hash("a password from now"))).isTrue();
        assertThat(StoredHash.parse(before)).hasValueSatisfying(hash -> assertThat(hash).hasToString(before));
    }

    @Test
    void aHashTakesItsMemoryFromThePoolInsteadOfAllocatingIt() {
        // The first hash fills the pool; the next ones allocate next to nothing on the heap, where
        // Argon2 without a pool allocates its whole memory (1 MiB here) every time.
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        PasswordHasher hasher = new PasswordHasher(new PasswordHasher.Parameters(1024, 1, 1), 1, Duration.ofSeconds(30));
        String hash = hasher.hash("pooled");
        long thread = Thread.currentThread().threadId();

        long before = threads.getThreadAllocatedBytes(thread);
        boolean verified = hasher.verify("pooled", hash);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(verified).isTrue();
        assertThat(allocated).as("bytes allocated by one verification").isLessThan(1024 * 1024 / 8);
    }

    @Test
    void aMalformedStoredHashDoesNotVerify() {
        assertThat(CHEAP.verify("anything", "not a hash")).isFalse();
    }

    @Test
    void anObserverIsToldHowLongEachComputationTookAndTheHashesStillVerify() {
        List<PasswordHasher.Operation> seen = new CopyOnWriteArrayList<>();
        List<Duration> took = new CopyOnWriteArrayList<>();
        // A clock that moves 250 ns between each reading: every computation takes exactly that.
        AtomicLong nanos = new AtomicLong(1_000);
        PasswordHasher observed = CHEAP.timedBy(() -> nanos.getAndAdd(250))
                .observedBy((operation, duration) -> {
                    seen.add(operation);
                    took.add(duration);
                });

        String hash = observed.hash("a password");
        boolean verified = observed.verify("a password", hash);
        observed.verifyAgainstNothing("another password");

        assertThat(verified).isTrue();
        assertThat(CHEAP.verify("a password", hash)).isTrue();
        assertThat(seen).containsExactly(PasswordHasher.Operation.HASH, PasswordHasher.Operation.VERIFY,
                PasswordHasher.Operation.VERIFY);
        assertThat(took).containsExactly(Duration.ofNanos(250), Duration.ofNanos(250), Duration.ofNanos(250));
    }

    @Test
    void theDecoyForUnknownEmailsIsAWellFormedHashWithTheHashersParametersThatNothingMatches() {
        PasswordHasher hasher = new PasswordHasher();
        String real = hasher.hash("a password");
        String decoy = hasher.decoyHash();

        // Same parameters and the same lengths of salt and digest as a real hash, so that checking
        // against it is a full Argon2 computation; a malformed decoy would be refused at once.
        assertThat(decoy).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(decoy.split("\\$")).extracting(String::length)
                .containsExactlyElementsOf(Arrays.stream(real.split("\\$")).map(String::length).toList());
        assertThat(new Argon2PasswordEncoder(16, 32, 1, 19_456, 2).upgradeEncoding(decoy)).isFalse();
        assertThat(hasher.verify("a password", decoy)).isFalse();
        // Both the salt and the digest are random.
        String[] other = new PasswordHasher().decoyHash().split("\\$");
        assertThat(other[4]).isNotEqualTo(decoy.split("\\$")[4]);
        assertThat(other[5]).isNotEqualTo(decoy.split("\\$")[5]);
    }

    @Test
    void aCallerThatCannotGetAPermitInTimeIsToldTheServiceIsUnavailable() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        // The first computation holds the only permit (the nano clock is read while it is held)
        // until told to let go.
        PasswordHasher hasher = new PasswordHasher(new PasswordHasher.Parameters(8, 1, 1), 1, Duration.ofMillis(1))
                .timedBy(() -> {
                    if (first.compareAndSet(true, false)) {
                        holding.countDown();
                        awaitUninterruptibly(release);
                    }
                    return 0;
                });
        Thread holder = Thread.ofVirtual().start(() -> hasher.hash("first"));
        holding.await();

        assertThatThrownBy(() -> hasher.hash("second")).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("too many passwords");
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> hasher.verify("third", "x")).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("interrupted");
        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        release.countDown();
        holder.join();
        assertThat(hasher.verify("fourth", hasher.hash("fourth"))).isTrue();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
