package dev.strata.core.identity;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;

/**
 * The memory of the Argon2 computations a hasher runs at once, kept between them: each computation
 * takes a set of Bouncy Castle's 1 KiB blocks to itself (no lock per block, as a pool shared by
 * concurrent computations would need), and gives it back for the next. Bouncy Castle hands each
 * block back at the end of a computation, and it is zeroed then, so no password-derived data
 * stays in it. There are never more sets than computations that ran at the same time, and a set
 * keeps at most {@code blocksPerSet} blocks. Thread-safe.
 */
final class Argon2Memory {

    private final ConcurrentLinkedQueue<Blocks> idle = new ConcurrentLinkedQueue<>();
    private final int blocksPerSet;

    Argon2Memory(int blocksPerSet) {
        if (blocksPerSet < 1) {
            throw new IllegalArgumentException("a set holds at least one block");
        }
        this.blocksPerSet = blocksPerSet;
    }

    /** Runs {@code computation} with a set of blocks of its own, then keeps the set for the next. */
    <T> T with(Function<Argon2BytesGenerator.BlockPool, T> computation) {
        Blocks blocks = idle.poll();
        if (blocks == null) {
            blocks = new Blocks(blocksPerSet);
        }
        try {
            return computation.apply(blocks);
        } finally {
            idle.offer(blocks);
        }
    }

    /** The blocks of each idle set; for tests. */
    List<List<Argon2BytesGenerator.Block>> idleSets() {
        return idle.stream().map(blocks -> List.copyOf(blocks.free)).toList();
    }

    /** One computation's blocks: used by one thread at a time. */
    private static final class Blocks implements Argon2BytesGenerator.BlockPool {

        private final ArrayDeque<Argon2BytesGenerator.Block> free = new ArrayDeque<>();
        private final int max;

        Blocks(int max) {
            this.max = max;
        }

        @Override
        public Argon2BytesGenerator.Block allocate() {
            Argon2BytesGenerator.Block block = free.pollLast();
            return block != null ? block : new Argon2BytesGenerator.Block();
        }

        @Override
        public void deallocate(Argon2BytesGenerator.Block block) {
            block.clear();
            if (free.size() < max) {
                free.addLast(block);
            }
        }
    }
}
