package dev.strata.adapters.persistence.memory.planted;

import static dev.strata.contracts.orders.OrderStoreRules.DELETE;
import static dev.strata.contracts.orders.OrderStoreRules.DELETE_FREES_KEY;
import static dev.strata.contracts.orders.OrderStoreRules.DELETE_MISSING;
import static dev.strata.contracts.orders.OrderStoreRules.FIND_MISS;
import static dev.strata.contracts.orders.OrderStoreRules.ID_UNIQUE;
import static dev.strata.contracts.orders.OrderStoreRules.INSERT;
import static dev.strata.contracts.orders.OrderStoreRules.KEYS_PER_OWNER;
import static dev.strata.contracts.orders.OrderStoreRules.KEY_REUSED;
import static dev.strata.contracts.orders.OrderStoreRules.LIST_FILTERS;
import static dev.strata.contracts.orders.OrderStoreRules.LIST_ITEMS;
import static dev.strata.contracts.orders.OrderStoreRules.LIST_LIMIT;
import static dev.strata.contracts.orders.OrderStoreRules.LIST_SORT;
import static dev.strata.contracts.orders.OrderStoreRules.REPLAY;
import static dev.strata.contracts.orders.OrderStoreRules.UPDATE;
import static dev.strata.contracts.orders.OrderStoreRules.UPDATE_KEEPS;
import static dev.strata.contracts.orders.OrderStoreRules.UPDATE_MISSING;
import static dev.strata.contracts.orders.OrderStoreRules.UPDATE_STALE;

import dev.strata.contracts.orders.ForwardingOrderStore;
import dev.strata.core.common.ConflictException;
import dev.strata.core.common.Created;
import dev.strata.core.common.IdempotencyKeyReusedException;
import dev.strata.core.common.IdempotentRequest;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.Page;
import dev.strata.core.common.PreconditionFailedException;
import dev.strata.core.identity.AccountId;
import dev.strata.core.orders.OrderId;
import dev.strata.core.orders.store.OrderItemRecord;
import dev.strata.core.orders.store.OrderRecord;
import dev.strata.core.orders.store.OrderStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One planted bug (at least) for every rule of {@link OrderStore}. */
final class OrderStorePlants {

    private OrderStorePlants() {
    }

    static List<Plant<OrderStore>> all() {
        return List.of(
                new Plant<>(INSERT, "drops the trailing zeros of prices", real -> new ForwardingOrderStore(real) {
                    @Override
                    public Created<OrderRecord> insert(OrderRecord order) {
                        return real.insert(withItems(order, order.items().stream().map(item -> new OrderItemRecord(
                                item.sku(), item.quantity(), item.unitPrice().stripTrailingZeros())).toList()));
                    }
                }),
                new Plant<>(FIND_MISS, "throws NotFoundException for an unknown order", real -> new ForwardingOrderStore(real) {
                    @Override
                    public Optional<OrderRecord> find(OrderId id) {
                        return Optional.of(real.find(id)
                                .orElseThrow(() -> new NotFoundException("order_not_found", "no order " + id)));
                    }
                }),
                new Plant<>(ID_UNIQUE, "answers a taken id with the order already there", real -> new ForwardingOrderStore(real) {
                    @Override
                    public Created<OrderRecord> insert(OrderRecord order) {
                        try {
                            return real.insert(order);
                        } catch (ConflictException taken) {
                            return Created.fresh(real.find(order.id()).orElseThrow());
                        }
                    }
                }),
                new Plant<>(REPLAY, "reports a replay as a new order", real -> new ForwardingOrderStore(real) {
                    @Override
                    public Created<OrderRecord> insert(OrderRecord order) {
                        return Created.fresh(real.insert(order).value());
                    }
                }),
                new Plant<>(KEY_REUSED, "inserts a reused key's other request as a new order", real -> new ForwardingOrderStore(real) {
                    @Override
                    public Created<OrderRecord> insert(OrderRecord order) {
                        try {
                            return real.insert(order);
                        } catch (IdempotencyKeyReusedException reused) {
                            return real.insert(withIdempotency(order, Optional.empty()));
                        }
                    }
                }),
                new Plant<>(KEYS_PER_OWNER, "shares idempotency keys between owners", OrderStorePlants::sharesKeys),
                new Plant<>(DELETE_FREES_KEY, "keeps a deleted order's key taken", OrderStorePlants::keepsDeletedKeys),
                new Plant<>(UPDATE, "drops the cancellation reason", real -> new ForwardingOrderStore(real) {
                    @Override
                    public OrderRecord update(OrderRecord order, long expectedVersion) {
                        return real.update(new OrderRecord(order.id(), order.ownerId(), order.state(), order.currency(),
                                order.items(), order.amount(), order.comment(), order.createdAt(), order.updatedAt(),
                                order.version(), order.idempotency(), order.paidAt(), order.shippedAt(),
                                order.cancelledAt(), Optional.empty()), expectedVersion);
                    }
                }),
                new Plant<>(UPDATE_KEEPS, "answers with the record it was given, not the one it stored",
                        real -> new ForwardingOrderStore(real) {
                            @Override
                            public OrderRecord update(OrderRecord order, long expectedVersion) {
                                real.update(order, expectedVersion);
                                return order;
                            }
                        }),
                new Plant<>(UPDATE_STALE, "ignores the expected version of an update (last write wins)", real -> new ForwardingOrderStore(real) {
                    @Override
                    public OrderRecord update(OrderRecord order, long expectedVersion) {
                        return real.update(order, real.find(order.id()).map(OrderRecord::version).orElse(expectedVersion));
                    }
                }),
                new Plant<>(UPDATE_MISSING, "reports a missing order as a version mismatch on update", real -> new ForwardingOrderStore(real) {
                    @Override
                    public OrderRecord update(OrderRecord order, long expectedVersion) {
                        try {
                            return real.update(order, expectedVersion);
                        } catch (NotFoundException missing) {
                            throw PreconditionFailedException.versionMismatch("order", expectedVersion);
                        }
                    }
                }),
                new Plant<>(DELETE_MISSING, "deletes a missing order silently", real -> new ForwardingOrderStore(real) {
                    @Override
                    public void delete(OrderId id, long expectedVersion) {
                        try {
                            real.delete(id, expectedVersion);
                        } catch (NotFoundException missing) {
                            // swallowed: the bug
                        }
                    }
                }),
                new Plant<>(DELETE, "ignores the expected version of a delete", real -> new ForwardingOrderStore(real) {
                    @Override
                    public void delete(OrderId id, long expectedVersion) {
                        real.delete(id, real.find(id).map(OrderRecord::version).orElse(expectedVersion));
                    }
                }),
                new Plant<>(LIST_FILTERS, "ignores the last filter", real -> new ForwardingOrderStore(real) {
                    @Override
                    public Page<OrderRecord> list(AccountId ownerId, ListQuery query) {
                        return real.list(ownerId, new ListQuery(query.filters().subList(0, Math.max(0,
                                query.filters().size() - 1)), query.sort(), query.limit(), query.offset(), query.cursor()));
                    }
                }),
                new Plant<>(LIST_SORT, "pages by offset one order too far", real -> new ForwardingOrderStore(real) {
                    @Override
                    public Page<OrderRecord> list(AccountId ownerId, ListQuery query) {
                        return real.list(ownerId, query.offset() > 0 ? query.atOffset(query.offset() + 1) : query);
                    }
                }),
                new Plant<>(LIST_SORT, "returns each page in reverse", real -> new ForwardingOrderStore(real) {
                    @Override
                    public Page<OrderRecord> list(AccountId ownerId, ListQuery query) {
                        Page<OrderRecord> page = real.list(ownerId, query);
                        return new Page<>(page.items().reversed(), page.hasMore());
                    }
                }),
                new Plant<>(LIST_LIMIT, "says nothing follows any page", real -> new ForwardingOrderStore(real) {
                    @Override
                    public Page<OrderRecord> list(AccountId ownerId, ListQuery query) {
                        return new Page<>(real.list(ownerId, query).items(), false);
                    }
                }),
                new Plant<>(LIST_ITEMS, "lists orders with their first item only", real -> new ForwardingOrderStore(real) {
                    @Override
                    public Page<OrderRecord> list(AccountId ownerId, ListQuery query) {
                        Page<OrderRecord> page = real.list(ownerId, query);
                        return new Page<>(page.items().stream()
                                .map(order -> withItems(order, order.items().subList(0, 1))).toList(), page.hasMore());
                    }
                }));
    }

    private static OrderRecord withItems(OrderRecord order, List<OrderItemRecord> items) {
        return new OrderRecord(order.id(), order.ownerId(), order.state(), order.currency(), items, order.amount(),
                order.comment(), order.createdAt(), order.updatedAt(), order.version(), order.idempotency(),
                order.paidAt(), order.shippedAt(), order.cancelledAt(), order.cancellationReason());
    }

    private static OrderRecord withIdempotency(OrderRecord order, Optional<IdempotentRequest> idempotency) {
        return new OrderRecord(order.id(), order.ownerId(), order.state(), order.currency(), order.items(),
                order.amount(), order.comment(), order.createdAt(), order.updatedAt(), order.version(), idempotency,
                order.paidAt(), order.shippedAt(), order.cancelledAt(), order.cancellationReason());
    }

    private static OrderStore sharesKeys(OrderStore real) {
        Map<String, OrderRecord> firstByKey = new ConcurrentHashMap<>();
        return new ForwardingOrderStore(real) {
            @Override
            public Created<OrderRecord> insert(OrderRecord order) {
                if (order.idempotency().isEmpty()) {
                    return real.insert(order);
                }
                String key = order.idempotency().get().key().value();
                OrderRecord first = firstByKey.get(key);
                if (first != null && !first.ownerId().equals(order.ownerId())) {
                    return Created.replayed(first);
                }
                Created<OrderRecord> created = real.insert(order);
                firstByKey.putIfAbsent(key, created.value());
                return created;
            }
        };
    }

    private static OrderStore keepsDeletedKeys(OrderStore real) {
        Map<OrderId, String> keys = new ConcurrentHashMap<>();
        Set<String> deleted = ConcurrentHashMap.newKeySet();
        return new ForwardingOrderStore(real) {
            @Override
            public Created<OrderRecord> insert(OrderRecord order) {
                String key = order.ownerId().value() + " "
                        + order.idempotency().map(request -> request.key().value()).orElse("");
                if (order.idempotency().isPresent() && deleted.contains(key)) {
                    throw new IdempotencyKeyReusedException();
                }
                Created<OrderRecord> created = real.insert(order);
                keys.put(created.value().id(), key);
                return created;
            }

            @Override
            public void delete(OrderId id, long expectedVersion) {
                real.delete(id, expectedVersion);
                String key = keys.remove(id);
                if (key != null) {
                    deleted.add(key);
                }
            }
        };
    }
}
