package io.perpcarry.venue.edgex;

import com.fasterxml.jackson.databind.JsonNode;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.Fill;
import io.perpcarry.venue.OrderOutcome;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settling our orders from EdgeX's records: {@code order/getOrderByClientOrderId} (a plain array in {@code data},
 * recorded getOrderById answer) and {@code order/getHistoryOrderFillTransactionPage} filtered by contract. Recorded
 * fills carry {@code fillFee} POSITIVE for a fee paid ("0.017540", with {@code realizePnl} carrying it negative).
 */
final class EdgexFills {
    private static final String BY_CLIENT_ID = "order/getOrderByClientOrderId";
    private static final String FILLS = "order/getHistoryOrderFillTransactionPage";
    private static final int PAGE = 100;

    private final EdgexRest rest;

    EdgexFills(EdgexRest rest) {
        this.rest = rest;
    }

    OrderOutcome outcome(String symbol, String contractId, long clientOrderId) {
        JsonNode data = rest.privateGet(BY_CLIENT_ID, Map.of("clientOrderIdList", Long.toString(clientOrderId)));
        if (!data.isArray()) {
            throw Wire.malformed(BY_CLIENT_ID, "data is not an array");
        }
        for (JsonNode o : data) {
            if (Wire.optText(o, "clientOrderId").equals(Optional.of(Long.toString(clientOrderId)))
                    && Wire.text(o, "contractId", BY_CLIENT_ID).equals(contractId)) {
                return outcome(symbol, clientOrderId, o);
            }
        }
        return OrderOutcome.notFound(Venue.EDGEX, symbol, clientOrderId);
    }

    List<Fill> fills(String symbol, String contractId, Instant since) {
        JsonNode data = rest.privateGet(FILLS, Map.of("filterContractIdList", contractId, "size", Integer.toString(PAGE)));
        List<Fill> out = new ArrayList<>();
        for (JsonNode f : Wire.array(data, "dataList", FILLS)) {
            Instant time = Wire.millis(f, "matchTime", FILLS);
            if (time.isBefore(since)) {
                continue;
            }
            String side = Wire.text(f, "orderSide", FILLS);
            out.add(new Fill(Venue.EDGEX, symbol, Wire.text(f, "id", FILLS), Wire.text(f, "orderId", FILLS), 0,
                    side.equals("BUY") ? OrderSide.BUY : side.equals("SELL") ? OrderSide.SELL
                            : unknownSide(side), Wire.decimal(f, "fillPrice", FILLS), Wire.decimal(f, "fillSize", FILLS),
                    Wire.decimal(f, "fillFee", FILLS), time));
        }
        return List.copyOf(out);
    }

    private static OrderSide unknownSide(String side) {
        throw Wire.malformed(FILLS, "orderSide is neither BUY nor SELL: " + side);
    }

    private static OrderOutcome outcome(String symbol, long clientOrderId, JsonNode o) {
        String status = Wire.text(o, "status", BY_CLIENT_ID);
        BigDecimal filled = Wire.decimal(o, "cumFillSize", BY_CLIENT_ID);
        BigDecimal value = Wire.decimal(o, "cumFillValue", BY_CLIENT_ID);
        OrderOutcome.State state = switch (status) {
            case "FILLED" -> OrderOutcome.State.FILLED;
            case "CANCELED" -> filled.signum() > 0 ? OrderOutcome.State.PARTIALLY_FILLED : OrderOutcome.State.CANCELED;
            case "PENDING", "OPEN", "CANCELING", "UNTRIGGERED" -> OrderOutcome.State.OPEN;
            default -> throw Wire.malformed(BY_CLIENT_ID, "unknown order status " + status);
        };
        String reason = Wire.optText(o, "cancelReason").filter(r -> !r.equals("UNKNOWN_ORDER_CANCEL_REASON"))
                .map(r -> "/" + r).orElse("");
        Optional<BigDecimal> avg = filled.signum() > 0
                ? Optional.of(value.divide(filled, MathContext.DECIMAL64)) : Optional.empty();
        return new OrderOutcome(Venue.EDGEX, symbol, clientOrderId, Optional.of(Wire.text(o, "id", BY_CLIENT_ID)),
                state, filled, avg, status + reason);
    }
}
