package dev.strata.bench.micro;

import dev.strata.core.identity.PasswordHasher;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * What Argon2's memory costs the heap: threads verifying one password as fast as they can for some
 * seconds, then the hashes done, the CPU per hash (the collector's included), the collections and
 * the peak resident size. Modes: {@code fresh} (Spring Security's encoder, 19 MiB of new blocks per
 * hash, as {@code PasswordHasher} was), {@code shared} (Bouncy Castle's {@code FixedBlockPool}, one
 * pool for all threads, locked per block) and {@code strata} ({@code PasswordHasher} as it is: a set
 * of blocks per hash running). Run it under the heap options to compare, one JVM per mode:
 *
 * <pre>
 * java -XX:+UseSerialGC -Xms64m -Xmx512m -cp bench/target/strata-bench.jar \
 *     dev.strata.bench.micro.Argon2MemoryLoad strata 2 15
 * </pre>
 */
public final class Argon2MemoryLoad {

    private static final String PASSWORD = "correct horse battery staple";

    private Argon2MemoryLoad() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int threads = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        Argon2PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, 19_456, 2);
        String stored = spring.encode(PASSWORD);
        PasswordHasher strata = new PasswordHasher(PasswordHasher.RECOMMENDED, threads, Duration.ofMinutes(1));
        Argon2BytesGenerator.FixedBlockPool shared = new Argon2BytesGenerator.FixedBlockPool(threads * 19_456);
        Runnable verify = switch (mode) {
            case "fresh" -> () -> require(spring.matches(PASSWORD, stored));
            case "strata" -> () -> require(strata.verify(PASSWORD, stored));
            case "shared" -> () -> {
                Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
                argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                        .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(new byte[16]).withParallelism(1)
                        .withMemoryAsKB(19_456).withIterations(2).withBlockPool(shared).build());
                argon2.generateBytes(PASSWORD.toCharArray(), new byte[32]);
            };
            default -> throw new IllegalArgumentException("mode: fresh, shared or strata");
        };
        AtomicLong hashes = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    verify.run();
                    hashes.incrementAndGet();
                }
            });
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long collections = 0;
        long collectionMillis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += collector.getCollectionCount();
            collectionMillis += collector.getCollectionTime();
        }
        double cpuMillis = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e6;
        long peakKib = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmHWM"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0L);
        System.out.printf("%s threads=%d hashes=%d cpu_ms_per_hash=%.1f collections=%d collection_ms=%d peak_rss_mib=%d%n",
                mode, threads, hashes.get(), cpuMillis / hashes.get(), collections, collectionMillis, peakKib / 1024);
    }

    private static void require(boolean verified) {
        if (!verified) {
            throw new AssertionError("the password did not verify");
        }
    }
}
