package dev.strata.adapters.rest.orders;

import dev.strata.adapters.rest.docs.TextRules;
import dev.strata.adapters.rest.http.ListResponse;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.List;

/**
 * Shapes of the orders API for the OpenAPI document that no Java type of the adapter has: the
 * {@link ListResponse} of orders (swagger cannot name an instance of a generic type in an
 * annotation), and the two patch documents, which {@link OrderPatches} reads as JSON trees. Never
 * serialized.
 */
final class OrderShapes {

    private OrderShapes() {
    }

    @Schema(name = "OrderList", description = "A page of orders.")
    record OrderList(
            @ArraySchema(arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED), maxItems = 100,
                    schema = @Schema(implementation = OrderResponse.class)) List<OrderResponse> data,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Whether more orders follow.") boolean hasMore,
            @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true, maxLength = 4096, format = "uri-reference",
                    description = "The URL of the next page, or null on the last page.") String next) {
    }

    @Schema(name = "OrderChanges", description = "An RFC 7396 merge patch of an order's content: members left out"
            + " are left alone; items, when given, replace the items.")
    record OrderChanges(
            @Schema(pattern = "^[A-Z]{3}$", minLength = 3, maxLength = 3, example = "EUR") String currency,
            @ArraySchema(minItems = 1, maxItems = 100,
                    schema = @Schema(implementation = OrderRequest.ItemRequest.class))
            List<OrderRequest.ItemRequest> items,
            @Schema(nullable = true, maxLength = 1000, pattern = TextRules.LINES_WITHOUT_CARRIAGE_RETURNS,
                    description = "null removes the comment (RFC 7396): the order's comment becomes the empty"
                            + " string, which is what an order without a comment has.",
                    example = "Ring twice") String comment) {
    }

    @Schema(name = "JsonPatchOperation", description = "One RFC 6902 operation on the order's content"
            + " (/currency, /items, /items/0/quantity, /comment, ...). Other members are ignored, as RFC 6902"
            + " section 4 requires.", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
    record JsonPatchOperation(
            @Schema(requiredMode = RequiredMode.REQUIRED,
                    allowableValues = {"add", "remove", "replace", "move", "copy", "test"}) String op,
            @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 256, example = "/comment") String path,
            @Schema(maxLength = 256, description = "The source of move and copy.") String from,
            @Schema(description = "The value of add, replace and test: any JSON value.", example = "Ring twice",
                    extensions = @Extension(properties = @ExtensionProperty(name = "x-any-value", value = "true")))
            Object value) {
    }
}
