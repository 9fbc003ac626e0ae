package dev.strata.adapters.persistence.memory.planted;

import java.util.function.UnaryOperator;

/**
 * One bug planted in a working store: {@code wrap} turns the store into one that breaks
 * {@code rule} (a rule of the port, as its Javadoc and the suite's catalogue state it) by
 * {@code bug}.
 */
record Plant<S>(String rule, String bug, UnaryOperator<S> wrap) {

    @Override
    public String toString() {
        return bug;
    }
}
