package dev.strata.core.orders;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an order is in its life: {@code open} (the only state in which it can be changed or
 * deleted), then {@code paid}, then {@code shipped}; an {@code open} or {@code paid} order can be
 * {@code cancelled} instead. Shipped and cancelled orders are final.
 */
public enum OrderState {
    OPEN, PAID, SHIPPED, CANCELLED;

    /** The lowercase name the API and the database use. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether an order in this state may move to {@code next}. */
    public boolean canBecome(OrderState next) {
        return switch (this) {
            case OPEN -> next == PAID || next == CANCELLED;
            case PAID -> next == SHIPPED || next == CANCELLED;
            case SHIPPED, CANCELLED -> false;
        };
    }

    /** The state called {@code wireName}, or empty. */
    public static Optional<OrderState> fromWireName(String wireName) {
        for (OrderState state : values()) {
            if (state.wireName().equals(wireName)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
