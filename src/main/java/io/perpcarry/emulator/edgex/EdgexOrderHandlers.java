package io.perpcarry.emulator.edgex;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.perpcarry.emulator.engine.AccountSnapshot;
import io.perpcarry.emulator.engine.CancelResult;
import io.perpcarry.emulator.engine.Exchange;
import io.perpcarry.emulator.engine.Fill;
import io.perpcarry.emulator.engine.Order;
import io.perpcarry.emulator.engine.OrderBookSnapshot;
import io.perpcarry.emulator.engine.OrderRequest;
import io.perpcarry.emulator.engine.OrderResult;
import io.perpcarry.emulator.engine.OrderStatus;
import io.perpcarry.emulator.engine.OrderType;
import io.perpcarry.emulator.engine.Side;
import io.perpcarry.emulator.engine.TimeInForce;

/** {@code /api/v2/private/order/...}: create, cancel, queries and fills (edgex.md §4.3-4.5). */
final class EdgexOrderHandlers {
    private static final int HISTORY_LIMIT = 10_000;

    private final Exchange exchange;
    private final EdgexContracts contracts;
    private final EdgexOrderCheck check;
    private final EdgexOrderWireFields wireFields;

    EdgexOrderHandlers(Exchange exchange, EdgexContracts contracts, EdgexOrderCheck check, EdgexOrderWireFields wireFields) {
        this.exchange = exchange;
        this.contracts = contracts;
        this.check = check;
        this.wireFields = wireFields;
    }

    void mount(EdgexRest rest) {
        rest.privatePost("order/createOrder", this::create);
        rest.privatePost("order/cancelOrderById", this::cancelById);
        rest.privatePost("order/cancelOrderByClientOrderId", this::cancelByClientId);
        rest.privatePost("order/cancelAllOrder", this::cancelAll);
        rest.privatePost("order/getMaxCreateOrderSize", this::maxSize);
        rest.privateGet("order/getActiveOrderPage", this::activePage);
        rest.privateGet("order/getOrderById", this::byId);
        rest.privateGet("order/getOrderByClientOrderId", this::byClientId);
        rest.privateGet("order/getHistoryOrderPage", this::historyPage);
        rest.privateGet("order/getHistoryOrderFillTransactionPage", this::fillPage);
    }

    private JsonNode create(EdgexCall call) {
        EdgexAccount a = call.ownAccount();
        EdgexOrderCheck.CreateOrder o = EdgexOrderCheck.CreateOrder.parse(call.body());
        EdgexContract c = contracts.byId(Long.toString(o.contractId()));
        check.check(o, a, c, exchange.stats(c.symbol()).indexPrice(), call.nowMs());

        TimeInForce tif = EdgexOrderViews.timeInForce(o.timeInForce());
        boolean rests = tif == TimeInForce.GTT || tif == TimeInForce.POST_ONLY;
        OrderRequest req = new OrderRequest(c.symbol(), Side.valueOf(o.side().name()),
                o.isMarket() ? OrderType.MARKET : OrderType.LIMIT, o.isMarket() ? TimeInForce.IOC : tif, o.size(),
                // MARKET: the signed L2 value fixes the worst price the client accepted
                o.isMarket() ? o.l2Price() : o.price(), o.reduceOnly(), o.clientOrderId(),
                rests && !o.isMarket() ? Instant.ofEpochMilli(o.expireTime()) : null,
                call.partialFillFraction().orElse(null));
        // Remembered before submit: listeners push the new order while submit runs.
        OrderResult result = submitRemembering(a, req, o);
        if (!result.accepted()) {
            throw EdgexEngineErrors.of(result.rejectReason(), result.message());
        }
        return EdgexJson.object().put("orderId", Long.toString(result.order().orderId()));
    }

    private OrderResult submitRemembering(EdgexAccount a, OrderRequest req, EdgexOrderCheck.CreateOrder o) {
        wireFields.rememberPending(a.accountId(), o);
        try {
            OrderResult r = exchange.submit(a.accountId(), req);
            if (r.accepted()) {
                wireFields.remember(r.order().orderId(), o);
            }
            return r;
        } finally {
            wireFields.forgetPending(a.accountId(), o.clientOrderId());
        }
    }

    private JsonNode cancelById(EdgexCall call) {
        EdgexAccount a = call.ownAccount();
        List<String> ids = EdgexParams.list(call.body(), "orderIdList");
        if (ids.isEmpty()) {
            throw EdgexError.badRequest("orderIdList is required");
        }
        ObjectNode map = EdgexJson.object();
        for (String id : ids) {
            map.put(id, cancelOutcome(exchange.cancel(a.accountId(), EdgexParams.id("orderIdList", id))));
        }
        return cancelResult(map);
    }

    private JsonNode cancelByClientId(EdgexCall call) {
        EdgexAccount a = call.ownAccount();
        List<String> ids = EdgexParams.list(call.body(), "clientOrderIdList");
        if (ids.isEmpty()) {
            throw EdgexError.badRequest("clientOrderIdList is required");
        }
        ObjectNode map = EdgexJson.object();
        for (String cid : ids) {
            CancelResult r = exchange.cancelByClientId(a.accountId(), cid);
            // Keyed by the order id when the order exists (edgex.md §4.4 assumes so), else by what was sent.
            map.put(r.order() == null ? cid : Long.toString(r.order().orderId()), cancelOutcome(r));
        }
        return cancelResult(map);
    }

    private JsonNode cancelAll(EdgexCall call) {
        EdgexAccount a = call.ownAccount();
        List<String> filter = EdgexParams.list(call.body(), "filterContractIdList");
        List<Order> canceled = new ArrayList<>();
        if (filter.isEmpty()) {
            canceled.addAll(exchange.cancelAll(a.accountId(), null));
        } else {
            for (EdgexContract c : contracts.select(filter)) {
                canceled.addAll(exchange.cancelAll(a.accountId(), c.symbol()));
            }
        }
        ObjectNode map = EdgexJson.object();
        canceled.forEach(o -> map.put(Long.toString(o.orderId()), "SUCCESS"));
        return cancelResult(map);
    }

    private static String cancelOutcome(CancelResult r) {
        if (r.canceled()) {
            return "SUCCESS";
        }
        if (r.order() == null) {
            return "FAILED_ORDER_NOT_FOUND";
        }
        return r.order().status() == OrderStatus.FILLED ? "FAILED_ORDER_FILLED"
                : r.order().status() == OrderStatus.CANCELED ? "SUCCESS_ORDER_CANCELED" : "FAILED_ORDER_UNKNOWN_STATUS";
    }

    private static JsonNode cancelResult(ObjectNode map) {
        ObjectNode data = EdgexJson.object();
        data.set("cancelResultMap", map);
        return data;
    }

    private JsonNode activePage(EdgexCall call) {
        EdgexAccount a = call.ownAccount();
        int size = EdgexParams.size(call.query(), 200);
        int offset = EdgexPage.offset(call.query());
        Set<String> wanted = Set.copyOf(EdgexParams.queryList(call.query(), "filterContractIdList"));
        List<Order> rows = exchange.openOrders(a.accountId(), null).stream()
                .filter(o -> wanted.isEmpty() || wanted.contains(contracts.bySymbol(o.symbol()).id())).toList();
        return EdgexPage.of(rows, offset, size, this::view);
    }

    private JsonNode byId(EdgexCall call) {
        EdgexAccount a = call.ownAccount();
        ArrayNode out = EdgexJson.array();
        for (String id : EdgexParams.queryList(call.query(), "orderIdList")) {
            exchange.order(a.accountId(), EdgexParams.id("orderIdList", id)).ifPresent(o -> out.add(view(o)));
        }
        return out;
    }

    private JsonNode byClientId(EdgexCall call) {
        EdgexAccount a = call.ownAccount();
        ArrayNode out = EdgexJson.array();
        for (String cid : EdgexParams.queryList(call.query(), "clientOrderIdList")) {
            exchange.orderByClientId(a.accountId(), cid).ifPresent(o -> out.add(view(o)));
        }
        return out;
    }

    private JsonNode historyPage(EdgexCall call) {
        EdgexAccount a = call.ownAccount();
        int size = EdgexParams.size(call.query(), 100);
        int offset = EdgexPage.offset(call.query());
        Set<String> wanted = Set.copyOf(EdgexParams.queryList(call.query(), "filterContractIdList"));
        List<Order> rows = exchange.orderHistory(a.accountId(), null, HISTORY_LIMIT).stream()
                .filter(o -> wanted.isEmpty() || wanted.contains(contracts.bySymbol(o.symbol()).id())).toList();
        return EdgexPage.of(rows, offset, size, this::view);
    }

    private JsonNode fillPage(EdgexCall call) {
        EdgexAccount a = call.ownAccount();
        int size = EdgexParams.size(call.query(), 100);
        int offset = EdgexPage.offset(call.query());
        Set<String> wanted = Set.copyOf(EdgexParams.queryList(call.query(), "filterContractIdList"));
        Set<String> orders = Set.copyOf(EdgexParams.queryList(call.query(), "filterOrderIdList"));
        List<Fill> rows = exchange.fills(a.accountId(), null, HISTORY_LIMIT).stream()
                .filter(f -> wanted.isEmpty() || wanted.contains(contracts.bySymbol(f.symbol()).id()))
                .filter(f -> orders.isEmpty() || orders.contains(Long.toString(f.orderId()))).toList();
        return EdgexPage.of(rows, offset, size, f -> EdgexOrderViews.fill(f, contracts.bySymbol(f.symbol())));
    }

    /** Max sizes from the available balance at the account's leverage (the venue's formula is undocumented). */
    private JsonNode maxSize(EdgexCall call) {
        EdgexAccount a = call.ownAccount();
        EdgexContract c = contracts.byId(EdgexParams.text(call.body(), "contractId"));
        OrderBookSnapshot book = exchange.book(c.symbol(), 1);
        BigDecimal price = EdgexParams.optText(call.body(), "price").isEmpty()
                ? exchange.stats(c.symbol()).markPrice() : EdgexParams.decimal(call.body(), "price");
        AccountSnapshot s = exchange.account(a.accountId());
        int lev = exchange.leverage(a.accountId(), c.symbol());
        BigDecimal size = price.signum() <= 0 ? BigDecimal.ZERO
                : s.availableBalance().multiply(BigDecimal.valueOf(lev)).divide(price, 18, RoundingMode.DOWN);
        BigDecimal step = c.market().stepSize();
        size = size.divide(step, 0, RoundingMode.DOWN).multiply(step);
        ObjectNode out = EdgexJson.object();
        out.put("maxBuySize", EdgexJson.dec(size));
        out.put("maxSellSize", EdgexJson.dec(size));
        out.put("ask1Price", book.bestAsk() == null ? "0" : EdgexJson.dec(book.bestAsk()));
        out.put("bid1Price", book.bestBid() == null ? "0" : EdgexJson.dec(book.bestBid()));
        return out;
    }

    ObjectNode view(Order o) {
        EdgexContract c = contracts.bySymbol(o.symbol());
        List<Fill> fills = exchange.fills(o.accountId(), o.symbol(), HISTORY_LIMIT).stream()
                .filter(f -> f.orderId() == o.orderId()).toList();
        return EdgexOrderViews.order(o, c, wireFields.lookup(o), fills);
    }

    Optional<EdgexOrderCheck.CreateOrder> wire(Order o) {
        return wireFields.lookup(o);
    }
}
