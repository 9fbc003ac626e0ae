package dev.strata.core.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.common.FieldError;
import dev.strata.core.common.ValidationException;
import dev.strata.core.common.Validator;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order rules on their own: what {@link OrderRules#check} hands back (the checked content, or
 * {@code null} for every part it rejected) and which errors it records, field by field.
 */
class OrderRulesTest {

    private static OrderDraft draft(String comment, OrderItemDraft... items) {
        return new OrderDraft("EUR", items == null ? null : Arrays.asList(items), comment);
    }

    /** The errors {@code validator} recorded, or none. */
    private static List<FieldError> errorsOf(Validator validator) {
        try {
            validator.throwIfInvalid();
            return List.of();
        } catch (ValidationException invalid) {
            return invalid.errors();
        }
    }

    private static List<String> codes(OrderDraft draft) {
        Validator validator = new Validator();
        OrderRules.check(validator, draft);
        return errorsOf(validator).stream().map(error -> error.field() + ":" + error.code()).toList();
    }

    @Test
    void aValidDraftComesBackCheckedWithPricesToTheCent() {
        Validator validator = new Validator();

        OrderRules.Checked checked = OrderRules.check(validator, draft("note\n\twith tab",
                item("A-1", 3, "0.1"), item("b_2.x", 10_000, "999999999.99"), item("C", 1, "0")));

        assertThat(errorsOf(validator)).as("a valid draft records no error").isEmpty();
        assertThat(checked.currency()).isEqualTo("EUR");
        assertThat(checked.comment()).as("newlines and tabs are kept in a comment").isEqualTo("note\n\twith tab");
        assertThat(checked.items()).as("every item is kept, its price scaled to cents").containsExactly(
                new OrderItem("A-1", 3, new BigDecimal("0.10")),
                new OrderItem("b_2.x", 10_000, new BigDecimal("999999999.99")),
                new OrderItem("C", 1, new BigDecimal("0.00")));
    }

    @Test
    void aMissingCommentIsEmpty() {
        assertThat(OrderRules.check(new Validator(), draft(null, item("A", 1, "1"))).comment()).isEmpty();
    }

    @Test
    void everyRejectedPartComesBackAsNull() {
        Validator validator = new Validator();

        OrderRules.Checked checked = OrderRules.check(validator, new OrderDraft("eur",
                List.of(item("A", 1, "1.00"), item("B", 0, "1.00")), "bell\u0007"));

        assertThat(checked.currency()).as("a rejected currency is null").isNull();
        assertThat(checked.items()).as("one rejected item makes the items null").isNull();
        assertThat(checked.comment()).as("a rejected comment is null").isNull();
        assertThat(errorsOf(validator)).extracting(FieldError::field)
                .containsExactly("currency", "items[1].quantity", "comment");
    }

    @Test
    void anItemWithOneBadPartIsRejectedWhateverThePartIs() {
        for (OrderItemDraft bad : List.of(item("no spaces", 1, "1"), item("A", 0, "1"), item("A", 1, "-1"),
                item("A", 1, "1.005"), new OrderItemDraft(null, 1, BigDecimal.ONE),
                new OrderItemDraft("A", null, BigDecimal.ONE), new OrderItemDraft("A", 1, null))) {
            Validator validator = new Validator();

            OrderRules.Checked checked = OrderRules.check(validator, draft("", bad));

            assertThat(checked.items()).as("items of a draft whose only item is %s", bad).isNull();
            assertThat(errorsOf(validator)).as("errors for %s", bad).hasSize(1);
        }
    }

    @Test
    void aRejectedCommentItemListOrCurrencyComesBackAsNull() {
        OrderItemDraft[] tooMany = new OrderItemDraft[101];
        Arrays.fill(tooMany, item("A", 1, "1"));

        assertThat(OrderRules.check(new Validator(), draft("x".repeat(1001), item("A", 1, "1"))).comment())
                .as("a comment that is too long").isNull();
        assertThat(OrderRules.check(new Validator(), draft("", tooMany)).items()).as("101 items").isNull();
        assertThat(OrderRules.check(new Validator(), draft("")).items()).as("no items").isNull();
        assertThat(OrderRules.check(new Validator(), draft("", (OrderItemDraft[]) null)).items())
                .as("missing items").isNull();
        assertThat(OrderRules.check(new Validator(), new OrderDraft(null, List.of(item("A", 1, "1")), "")).currency())
                .as("a missing currency").isNull();
    }

    @Test
    void eachProblemHasItsOwnCode() {
        assertThat(codes(draft("", (OrderItemDraft[]) null))).containsExactly("items:required");
        assertThat(codes(draft(""))).containsExactly("items:too_few");
        OrderItemDraft[] tooMany = new OrderItemDraft[101];
        Arrays.fill(tooMany, item("A", 1, "1"));
        assertThat(codes(draft("", tooMany))).containsExactly("items:too_many");
        assertThat(codes(draft("", (OrderItemDraft) null))).containsExactly("items[0]:required");
        assertThat(codes(draft("", new OrderItemDraft(null, null, null)))).containsExactly(
                "items[0].sku:required", "items[0].quantity:required", "items[0].unit_price:required");
        assertThat(codes(draft("", item("", 1, "1")))).as("an empty SKU is missing, not malformed")
                .containsExactly("items[0].sku:required");
        assertThat(codes(draft("", item("A", 10_001, "1")))).containsExactly("items[0].quantity:out_of_range");
        assertThat(codes(draft("", item("A", 1, "-0.01")))).containsExactly("items[0].unit_price:out_of_range");
        assertThat(codes(draft("", item("A", 1, "1000000000.00"))))
                .containsExactly("items[0].unit_price:out_of_range");
        assertThat(codes(draft("", item("A", 1, "1.005")))).containsExactly("items[0].unit_price:too_precise");
        assertThat(codes(draft("x".repeat(1001), item("A", 1, "1")))).containsExactly("comment:too_long");
        assertThat(codes(draft("nul\u0000", item("A", 1, "1")))).containsExactly("comment:control_characters");
        assertThat(codes(new OrderDraft(null, List.of(item("A", 1, "1")), ""))).containsExactly("currency:required");
        assertThat(codes(new OrderDraft("", List.of(item("A", 1, "1")), ""))).containsExactly("currency:required");
    }

    @Test
    void theAmountIsTheExactSumToTheCent() {
        assertThat(OrderRules.amountOf(List.of(new OrderItem("A", 3, new BigDecimal("0.10")),
                new OrderItem("B", 2, new BigDecimal("0.05")))).toPlainString()).isEqualTo("0.40");
        assertThat(OrderRules.amountOf(List.of()).toPlainString()).isEqualTo("0.00");
    }

    private static OrderItemDraft item(String sku, int quantity, String unitPrice) {
        return new OrderItemDraft(sku, quantity, new BigDecimal(unitPrice));
    }
}
