package dev.strata.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.junit.jupiter.api.Test;

class Argon2MemoryTest {

    private static final PasswordHasher.Parameters SMALL = new PasswordHasher.Parameters(64, 1, 1);

    @Test
    void aHashLeavesItsBlocksZeroedForTheNext() throws Exception {
        PasswordHasher hasher = new PasswordHasher(SMALL, 2, Duration.ofSeconds(30));

        String hash = hasher.hash("a secret");

        List<List<Argon2BytesGenerator.Block>> sets = hasher.memory().idleSets();
        assertThat(sets).hasSize(1);
        assertThat(sets.get(0)).hasSize(64);
        for (Argon2BytesGenerator.Block block : sets.get(0)) {
            assertThat(words(block)).as("no password-derived data is kept").containsOnly(0L);
        }
        assertThat(hasher.verify("a secret", hash)).isTrue();
        assertThat(hasher.memory().idleSets()).hasSize(1);
    }

    @Test
    void computationsAtTheSameTimeHaveASetEachAndASetKeepsNoMoreThanItsShare() throws Exception {
        Argon2Memory memory = new Argon2Memory(3);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        Thread other = Thread.ofVirtual().start(() -> memory.with(blocks -> {
            blocks.deallocate(blocks.allocate());
            inside.countDown();
            await(leave);
            return null;
        }));
        inside.await();

        memory.with(blocks -> {
            List<Argon2BytesGenerator.Block> taken = List.of(blocks.allocate(), blocks.allocate(), blocks.allocate(),
                    blocks.allocate(), blocks.allocate());
            assertThat(taken).doesNotHaveDuplicates();
            taken.forEach(blocks::deallocate);
            return null;
        });
        leave.countDown();
        other.join();

        assertThat(memory.idleSets()).extracting(List::size).containsExactlyInAnyOrder(3, 1);
    }

    @Test
    void aBlockGivenBackIsTheNextOneTaken() {
        Argon2Memory memory = new Argon2Memory(4);

        memory.with(blocks -> {
            Argon2BytesGenerator.Block block = blocks.allocate();
            blocks.deallocate(block);
            assertThat(blocks.allocate()).isSameAs(block);
            return null;
        });
    }

    @Test
    void aSetHoldsAtLeastOneBlock() {
        assertThatThrownBy(() -> new Argon2Memory(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Argon2Memory(1).idleSets()).isEmpty();
    }

    private static long[] words(Argon2BytesGenerator.Block block) throws ReflectiveOperationException {
        Field v = Argon2BytesGenerator.Block.class.getDeclaredField("v");
        v.setAccessible(true);
        return (long[]) v.get(block);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
