package io.perpcarry.emulator.edgex;

import static io.perpcarry.emulator.edgex.EdgexJson.dec;
import static io.perpcarry.emulator.edgex.EdgexMarketViews.ms;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.perpcarry.emulator.engine.CancelReason;
import io.perpcarry.emulator.engine.Fill;
import io.perpcarry.emulator.engine.Order;
import io.perpcarry.emulator.engine.TimeInForce;

/** The Order object (edgex.md §4.5) and the order-fill transaction, in the venue's shapes. */
final class EdgexOrderViews {
    private EdgexOrderViews() {
    }

    /** @param fills this order's fills (for min/max fill price) */
    static ObjectNode order(Order o, EdgexContract c, Optional<EdgexOrderCheck.CreateOrder> wire, List<Fill> fills) {
        ObjectNode n = EdgexJson.object();
        String acct = Long.toString(o.accountId());
        n.put("id", Long.toString(o.orderId()));
        n.put("userId", acct);
        n.put("accountId", acct);
        n.put("coinId", Long.toString(EdgexContract.QUOTE_COIN_ID));
        n.put("contractId", c.id());
        n.put("side", o.side().name());
        n.put("price", o.type().name().equals("MARKET") || o.price() == null ? "0" : dec(o.price()));
        n.put("size", dec(o.size()));
        n.put("clientOrderId", o.clientOrderId() == null ? "" : o.clientOrderId());
        n.put("type", o.type().name());
        n.put("timeInForce", timeInForce(o.timeInForce()));
        n.put("reduceOnly", o.reduceOnly());
        n.put("triggerPrice", "0");
        n.put("triggerPriceType", "UNKNOWN_PRICE_TYPE");
        n.put("expireTime", o.expiry() == null ? "0" : ms(o.expiry()));
        n.put("sourceKey", "");
        n.put("isPositionTpsl", false);
        n.put("isLiquidate", false);
        n.put("isDeleverage", false);
        n.put("openTpslParentOrderId", "0");
        n.put("isSetOpenTp", false);
        n.set("openTp", emptyTpsl());
        n.put("isSetOpenSl", false);
        n.set("openSl", emptyTpsl());
        n.put("isWithoutMatch", false);
        n.put("withoutMatchFillSize", "0");
        n.put("withoutMatchFillValue", "0");
        n.put("withoutMatchPeerAccountId", "0");
        n.put("withoutMatchPeerOrderId", "0");
        n.put("maxLeverage", Integer.toString(c.market().maxLeverage()));
        n.put("takerFeeRate", dec(c.market().takerFee()));
        n.put("makerFeeRate", dec(c.market().makerFee()));
        n.put("liquidateFeeRate", "0");
        n.put("marketLimitPrice", o.type().name().equals("MARKET") && o.price() != null ? dec(o.price()) : "0");
        n.put("marketLimitValue", "0");
        if (wire.isPresent()) {
            EdgexOrderCheck.CreateOrder w = wire.get();
            n.put("l2Nonce", Long.toString(w.l2Nonce()));
            n.put("l2Value", dec(w.l2Value()));
            n.put("l2Size", dec(w.l2Size()));
            n.put("l2LimitFee", dec(w.l2LimitFee()));
            n.put("l2ExpireTime", Long.toString(w.l2ExpireTime()));
            n.set("l2Signature", signatureObject(w.l2Signature()));
        } else {
            // Only the engine's own orders (liquidation closes) bypass the wire; they carry no L2 part.
            n.put("l2Nonce", "0");
            n.put("l2Value", "0");
            n.put("l2Size", dec(o.size()));
            n.put("l2LimitFee", "0");
            n.put("l2ExpireTime", "0");
            n.set("l2Signature", EdgexJson.object().put("r", "").put("s", "").put("v", ""));
            n.put("isLiquidate", true);
        }
        n.put("extraType", "");
        n.put("extraDataJson", "");
        n.put("status", o.status().name());
        n.put("matchSequenceId", Long.toString(o.orderId()));
        n.put("triggerTime", "0");
        n.put("triggerPriceTime", "0");
        n.put("triggerPriceValue", "0");
        n.put("cancelReason", cancelReason(o.cancelReason()));
        n.put("cumFillSize", dec(o.filledSize()));
        n.put("cumFillValue", dec(o.filledQuote()));
        n.put("cumFillFee", dec(o.feesPaid()));
        BigDecimal max = null;
        BigDecimal min = null;
        for (Fill f : fills) {
            max = max == null ? f.price() : max.max(f.price());
            min = min == null ? f.price() : min.min(f.price());
        }
        n.put("maxFillPrice", max == null ? "0" : dec(max));
        n.put("minFillPrice", min == null ? "0" : dec(min));
        n.put("cumLiquidateFee", "0");
        n.put("cumRealizePnl", dec(fills.stream().map(Fill::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add)));
        n.put("cumMatchSize", dec(o.filledSize()));
        n.put("cumMatchValue", dec(o.filledQuote()));
        n.put("cumMatchFee", dec(o.feesPaid()));
        n.put("cumFailSize", "0");
        n.put("cumFailValue", "0");
        n.put("cumFailFee", "0");
        n.put("cumApprovedSize", dec(o.filledSize()));
        n.put("cumApprovedValue", dec(o.filledQuote()));
        n.put("cumApprovedFee", dec(o.feesPaid()));
        n.put("createdTime", ms(o.createdAt()));
        n.put("updatedTime", ms(o.updatedAt()));
        return n;
    }

    static String timeInForce(TimeInForce t) {
        return switch (t) {
            case IOC -> "IMMEDIATE_OR_CANCEL";
            case GTT -> "GOOD_TIL_CANCEL";
            case POST_ONLY -> "POST_ONLY";
            case FOK -> "FILL_OR_KILL";
        };
    }

    static TimeInForce timeInForce(String wire) {
        return switch (wire) {
            case "IMMEDIATE_OR_CANCEL" -> TimeInForce.IOC;
            case "GOOD_TIL_CANCEL" -> TimeInForce.GTT;
            case "POST_ONLY" -> TimeInForce.POST_ONLY;
            case "FILL_OR_KILL" -> TimeInForce.FOK;
            default -> throw EdgexError.badRequest("unknown timeInForce: " + wire);
        };
    }

    static String cancelReason(CancelReason r) {
        if (r == null) {
            return "UNKNOWN_ORDER_CANCEL_REASON";
        }
        return switch (r) {
            case USER -> "USER_CANCELED";
            case IMMEDIATE_REMAINDER -> "COULD_NOT_FILL";
            case EXPIRED -> "EXPIRE_CANCELED";
            case REDUCE_ONLY -> "REDUCE_ONLY_CANCELED";
            case LIQUIDATION -> "LIQUIDATE_CANCELED";
            case MARGIN_NOT_ALLOWED -> "MARGIN_NOT_ENOUGH";
            case REFUSED_AT_EXECUTION -> "UNKNOWN_ORDER_CANCEL_REASON";
        };
    }

    /** In responses the signature is an object of 0x-hex parts (edgex.md §4.5). */
    private static ObjectNode signatureObject(String hex) {
        String h = hex.startsWith("0x") ? hex.substring(2) : hex;
        ObjectNode s = EdgexJson.object();
        s.put("r", "0x" + h.substring(0, 64));
        s.put("s", "0x" + h.substring(64, 128));
        s.put("v", "0x" + h.substring(128, 130));
        return s;
    }

    private static ObjectNode emptyTpsl() {
        ObjectNode t = EdgexJson.object();
        t.put("side", "UNKNOWN_ORDER_SIDE");
        t.put("price", "0");
        t.put("size", "0");
        t.put("clientOrderId", "");
        t.put("triggerPrice", "0");
        t.put("triggerPriceType", "UNKNOWN_PRICE_TYPE");
        t.put("expireTime", "0");
        t.put("l2Nonce", "0");
        t.put("l2Value", "0");
        t.put("l2Size", "0");
        t.put("l2LimitFee", "0");
        t.put("l2ExpireTime", "0");
        ObjectNode sig = t.putObject("l2Signature");
        sig.put("r", "");
        sig.put("s", "");
        sig.put("v", "");
        return t;
    }

    /** An order-fill transaction (getHistoryOrderFillTransactionPage, WS orderFillTransaction). */
    static ObjectNode fill(Fill f, EdgexContract c) {
        ObjectNode n = EdgexJson.object();
        String acct = Long.toString(f.accountId());
        n.put("id", Long.toString(f.tradeId()));
        n.put("userId", acct);
        n.put("accountId", acct);
        n.put("coinId", Long.toString(EdgexContract.QUOTE_COIN_ID));
        n.put("contractId", c.id());
        n.put("orderId", Long.toString(f.orderId()));
        n.put("orderSide", f.side().name());
        n.put("fillSize", dec(f.size()));
        n.put("fillValue", dec(f.quote()));
        n.put("fillFee", dec(f.fee())); // positive when paid (recorded fills and trade-event); realizePnl carries it negative
        n.put("fillPrice", dec(f.price()));
        n.put("liquidateFee", "0");
        n.put("realizePnl", dec(f.realizedPnl()));
        n.put("direction", f.liquidity().name());
        n.put("isPositionTpsl", false);
        n.put("isLiquidate", f.liquidation());
        n.put("isDeleverage", false);
        n.put("isWithoutMatch", false);
        n.put("matchSequenceId", Long.toString(f.tradeId()));
        n.put("matchIndex", 0);
        n.put("matchTime", ms(f.time()));
        n.put("matchAccountId", "0");
        n.put("matchOrderId", "0");
        n.put("matchFillId", Long.toString(f.tradeId()));
        n.put("positionTransactionId", Long.toString(f.tradeId()));
        n.put("collateralTransactionId", "0");
        n.put("extraType", "");
        n.put("extraDataJson", "");
        n.put("censorStatus", "CENSOR_SUCCESS");
        n.put("createdTime", ms(f.time()));
        n.put("updatedTime", ms(f.time()));
        return n;
    }
}
