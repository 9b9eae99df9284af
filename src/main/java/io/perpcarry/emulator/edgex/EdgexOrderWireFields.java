package io.perpcarry.emulator.edgex;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.perpcarry.emulator.engine.Order;

/**
 * The L2 fields of orders placed through this wire layer. The engine trades in venue-neutral terms
 * and keeps none of them, but the venue echoes them in every Order object. While an order is being
 * submitted its engine id is not known yet, so listeners find it by account and client order id.
 */
final class EdgexOrderWireFields {
    private final Map<Long, EdgexOrderCheck.CreateOrder> byOrderId = new ConcurrentHashMap<>();
    private final Map<String, EdgexOrderCheck.CreateOrder> pending = new ConcurrentHashMap<>();

    void rememberPending(long accountId, EdgexOrderCheck.CreateOrder order) {
        pending.put(accountId + "/" + order.clientOrderId(), order);
    }

    void forgetPending(long accountId, String clientOrderId) {
        pending.remove(accountId + "/" + clientOrderId);
    }

    void remember(long orderId, EdgexOrderCheck.CreateOrder order) {
        byOrderId.put(orderId, order);
    }

    Optional<EdgexOrderCheck.CreateOrder> lookup(Order o) {
        EdgexOrderCheck.CreateOrder w = byOrderId.get(o.orderId());
        if (w == null && o.clientOrderId() != null) {
            w = pending.get(o.accountId() + "/" + o.clientOrderId());
        }
        return Optional.ofNullable(w);
    }
}
