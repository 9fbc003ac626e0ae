package dev.strata.adapters.grpc.orders;

import dev.strata.adapters.grpc.call.FieldPaths;
import dev.strata.adapters.grpc.v1.ListOrdersRequest;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.Page;
import dev.strata.core.orders.Order;
import dev.strata.core.orders.OrderService;
import java.util.Map;

/**
 * A ListOrders request read into core's {@link ListQuery} by the list-query language every API
 * style shares ({@link OrderService#QUERY}): the filter in REST's condition syntax joined by
 * {@code AND} (AIP-160), order_by (AIP-132), page size and keyset page token (AIP-158).
 */
record OrderListing(ListQuery query) {

    static OrderListing read(ListOrdersRequest request) {
        return new OrderListing(FieldPaths.under("", Map.of(), () -> OrderService.QUERY.listQuery(request.getFilter(),
                request.getOrderBy(), request.getPageSize(), request.getPageToken())));
    }

    /** The token of the page after {@code page}, empty on the last. */
    String nextPageToken(Page<Order> page) {
        return OrderService.QUERY.nextPageToken(query, page, OrderService::sortValue, order -> order.id().value());
    }
}
