package dev.strata.adapters.grpc.orders;

import dev.strata.adapters.grpc.call.PageTokens;
import dev.strata.core.common.KeysetCursor;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.Page;
import dev.strata.core.common.ValidationException;
import dev.strata.core.orders.Order;
import dev.strata.core.orders.OrderService;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A ListOrders request read into core's {@link ListQuery}: page size, keyset page token, and the
 * filter and order, newest first by default.
 */
record OrderListing(ListQuery query, String scope) {

    static OrderListing read(dev.strata.adapters.grpc.v1.ListOrdersRequest request) {
        if (!request.getFilter().isBlank()) {
            throw ValidationException.of("filter", "unsupported_filter", "the order list takes no filter yet");
        }
        if (!request.getOrderBy().isBlank()) {
            throw ValidationException.of("order_by", "unsupported_order", "the order list is newest first only yet");
        }
        String scope = "orders#" + request.getFilter() + "#" + request.getOrderBy();
        ListQuery query = ListQuery.firstPage(OrderService.QUERY.defaultSort(), PageTokens.pageSize(request.getPageSize()));
        if (!request.getPageToken().isEmpty()) {
            List<String> parts = PageTokens.decode(request.getPageToken(), scope, 2);
            try {
                query = query.at(KeysetCursor.after(List.of(Instant.parse(parts.get(0))), parts.get(1)));
            } catch (DateTimeParseException malformed) {
                throw PageTokens.invalid();
            }
        }
        return new OrderListing(query, scope);
    }

    /** The token of the page after {@code page}, empty on the last. */
    String nextPageToken(Page<Order> page) {
        if (!page.hasMore() || page.items().isEmpty()) {
            return "";
        }
        Order last = page.items().getLast();
        return PageTokens.encode(scope, List.of(last.createdAt().toString(), last.id().value()));
    }
}
