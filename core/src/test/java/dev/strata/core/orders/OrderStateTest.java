package dev.strata.core.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.identity.AccountId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An order's life: which moves each state allows, the names states go by, and what an order derives from them. */
class OrderStateTest {

    private static final Map<OrderState, Set<OrderState>> MOVES = Map.of(
            OrderState.OPEN, EnumSet.of(OrderState.PAID, OrderState.CANCELLED),
            OrderState.PAID, EnumSet.of(OrderState.SHIPPED, OrderState.CANCELLED),
            OrderState.SHIPPED, EnumSet.noneOf(OrderState.class),
            OrderState.CANCELLED, EnumSet.noneOf(OrderState.class));

    @Test
    void eachStateMovesOnlyWhereTheLifeCycleSays() {
        for (OrderState from : OrderState.values()) {
            for (OrderState to : OrderState.values()) {
                assertThat(from.canBecome(to)).as("whether a %s order may become %s", from, to)
                        .isEqualTo(MOVES.get(from).contains(to));
            }
        }
    }

    @Test
    void aStateIsFoundByItsLowercaseWireNameOnly() {
        for (OrderState state : OrderState.values()) {
            assertThat(OrderState.fromWireName(state.wireName())).as("the state called %s", state.wireName())
                    .contains(state);
        }
        assertThat(OrderState.SHIPPED.wireName()).isEqualTo("shipped");
        assertThat(OrderState.fromWireName("PAID")).as("wire names are lowercase").isEmpty();
        assertThat(OrderState.fromWireName("refunded")).as("an unknown name").isEmpty();
        assertThat(OrderState.fromWireName(null)).as("no name").isEmpty();
    }

    @Test
    void onlyAnOpenOrPaidOrderIsCancellable() {
        for (OrderState state : OrderState.values()) {
            assertThat(order(state).cancellable()).as("whether a %s order is cancellable", state)
                    .isEqualTo(state == OrderState.OPEN || state == OrderState.PAID);
        }
    }

    @Test
    void anOrdersSkusAreThoseOfItsItemsInOrder() {
        assertThat(order(OrderState.OPEN).skus()).containsExactly("B-2", "A-1");
    }

    @Test
    void typedIdsPrintAsTheirValue() {
        OrderId id = OrderId.generate(Clock.systemUTC());

        assertThat(id.toString()).isEqualTo(id.value()).startsWith("ord_");
    }

    private static Order order(OrderState state) {
        Instant now = Instant.parse("2026-01-02T03:04:05Z");
        return new Order(OrderId.generate(Clock.systemUTC()), AccountId.generate(Clock.systemUTC()), state, "EUR",
                List.of(new OrderItem("B-2", 1, new BigDecimal("1.00")), new OrderItem("A-1", 2, new BigDecimal("2.00"))),
                new BigDecimal("5.00"), "", now, now, 0, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
