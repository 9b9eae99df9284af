package io.perpcarry.emulator.lighter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.crypto.lighter.CancelAllOrdersTx;
import io.perpcarry.crypto.lighter.CancelOrderTx;
import io.perpcarry.crypto.lighter.CreateOrderTx;
import io.perpcarry.crypto.lighter.LighterConstants;
import io.perpcarry.crypto.lighter.LighterTx;
import io.perpcarry.crypto.lighter.LighterTxContext;
import io.perpcarry.crypto.lighter.LighterTxValidationException;
import io.perpcarry.crypto.lighter.ModifyOrderTx;
import io.perpcarry.crypto.lighter.Schnorr;
import io.perpcarry.crypto.lighter.UpdateLeverageTx;
import io.perpcarry.crypto.lighter.UpdateMarginTx;
import io.perpcarry.emulator.Fault;
import io.perpcarry.emulator.engine.CancelReason;
import io.perpcarry.emulator.engine.CancelResult;
import io.perpcarry.emulator.engine.EngineRejection;
import io.perpcarry.emulator.engine.Exchange;
import io.perpcarry.emulator.engine.Order;
import io.perpcarry.emulator.engine.OrderRequest;
import io.perpcarry.emulator.engine.OrderResult;
import io.perpcarry.emulator.engine.OrderStatus;
import io.perpcarry.emulator.engine.OrderType;
import io.perpcarry.emulator.engine.RejectReason;
import io.perpcarry.emulator.engine.Side;
import io.perpcarry.emulator.engine.TimeInForce;
import io.perpcarry.emulator.engine.VenueMarket;
import io.perpcarry.emulator.lighter.LighterTxInfoParser.ParsedTx;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code sendTx} / {@code sendTxBatch} (and the WebSocket {@code jsonapi/sendtx}): parse, apply the signer's
 * validation, check the API key, signature, deadline and nonce, then execute on the engine. A refused tx
 * leaves the nonce unchanged (the SDK rolls back its local nonce on every failure).
 */
final class LighterTxHandler {
    static final int MAX_BATCH = 50;
    /** The hash of the tx being executed on this thread: engine listeners run on it, so its fills carry it. */
    static final ThreadLocal<String> EXECUTING = new ThreadLocal<>();

    private final Exchange exchange;
    private final Clock clock;
    private final LighterApiKeys keys;
    private final LighterMarketHandlers markets;
    private final long chainId;
    private final LighterTxLog txLog;

    LighterTxHandler(Exchange exchange, Clock clock, LighterApiKeys keys, LighterMarketHandlers markets,
                     long chainId, LighterTxLog txLog) {
        this.txLog = txLog;
        this.exchange = exchange;
        this.clock = clock;
        this.keys = keys;
        this.markets = markets;
        this.chainId = chainId;
    }

    void sendTx(RoutingContext ctx) {
        int type = formInt(ctx, "tx_type");
        String info = ctx.request().getFormAttribute("tx_info");
        if (info == null) {
            throw LighterErrors.invalidParam("tx_info is required");
        }
        ParsedTx tx = LighterTxInfoParser.parse(type, info, chainId);
        String hash = submit(tx, ctx.get(LighterWire.REJECT_KEY), ctx.get(LighterWire.PARTIAL_KEY),
                Boolean.TRUE.equals(ctx.get(LighterWire.REFUSE_KEY)));
        LighterWire.json(ctx, sent().put("tx_hash", hash));
    }

    /** Every tx is checked and executed in order; the first refusal answers the request (earlier ones stand). */
    void sendTxBatch(RoutingContext ctx) {
        JsonNode types = jsonField(ctx, "tx_types");
        JsonNode infos = jsonField(ctx, "tx_infos");
        if (!types.isArray() || !infos.isArray() || types.size() != infos.size() || types.isEmpty()) {
            throw LighterErrors.invalidParam("tx_types and tx_infos must be JSON arrays of the same, non-zero length");
        }
        if (types.size() > MAX_BATCH) {
            throw LighterErrors.invalidParam("at most " + MAX_BATCH + " txs per batch");
        }
        List<ParsedTx> txs = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            if (!types.get(i).isIntegralNumber() || !infos.get(i).isTextual()) {
                throw LighterErrors.invalidParam("tx_types must hold integers and tx_infos JSON strings");
            }
            txs.add(LighterTxInfoParser.parse(types.get(i).asInt(), infos.get(i).asText(), chainId));
        }
        ArrayNode hashes = LighterJson.array();
        Fault reject = ctx.get(LighterWire.REJECT_KEY);
        boolean refuse = Boolean.TRUE.equals(ctx.get(LighterWire.REFUSE_KEY));
        for (ParsedTx tx : txs) {
            hashes.add(submit(tx, reject, ctx.get(LighterWire.PARTIAL_KEY), refuse));
            reject = null;
            refuse = false;
        }
        ObjectNode o = sent();
        o.set("tx_hash", hashes);
        LighterWire.json(ctx, o);
    }

    /** {@code RespSendTx} without the hash. */
    ObjectNode sent() {
        return LighterJson.ok().put("message", "{\"ratelimit\": \"didn't use volume quota\"}")
                .put("predicted_execution_time_ms", clock.millis() + 200).put("volume_quota_remaining", 1000);
    }

    /**
     * Checks and executes one tx; returns its hash.
     *
     * @param reject  a REJECT fault to answer with instead of executing (null = none)
     * @param partial PARTIAL_FILL fraction for orders (null = none)
     */
    String submit(ParsedTx parsed, Fault reject, BigDecimal partial) {
        return submit(parsed, reject, partial, false);
    }

    /** @param refuseAfterAccept an order is acknowledged, then refused at execution (a cancel event) */
    String submit(ParsedTx parsed, Fault reject, BigDecimal partial, boolean refuseAfterAccept) {
        LighterTx tx = parsed.tx();
        byte[] hash;
        try {
            tx.validate();
            hash = tx.hash();
        } catch (LighterTxValidationException e) {
            throw LighterErrors.invalidTx(tx.txType(), e);
        }
        LighterTxContext c = tx.context();
        LighterApiKey key = keys.require(c.accountIndex(), c.apiKeyIndex());
        if (!Schnorr.verify(key.publicKey(), hash, parsed.sig())) {
            throw LighterApiException.badRequest(LighterErrors.INVALID_SIGNATURE, "invalid signature");
        }
        if (c.expiredAt() < clock.millis()) {
            throw LighterApiException.badRequest(LighterErrors.TX_EXPIRED,
                    "transaction expired: ExpiredAt " + c.expiredAt() + " is before " + clock.millis());
        }
        return keys.withNonce(c.accountIndex(), c.apiKeyIndex(), c.nonce(), tx.attributes().skipNonce(), () -> {
            if (reject != null) {
                throw LighterWire.rejection(reject);
            }
            String hex = HexFormat.of().formatHex(hash);
            EXECUTING.set(hex);
            try {
                execute(tx, partial, hex, refuseAfterAccept);
            } finally {
                EXECUTING.remove();
            }
            txLog.record(hex, tx.txType(), infoJson(tx), c.accountIndex(), c.apiKeyIndex(), c.nonce(), c.expiredAt(),
                    clock.millis());
            return hex;
        });
    }

    long chainId() {
        return chainId;
    }

    /** The tx as {@code EnrichedTx.info} shows it (a JSON string). */
    private static String infoJson(LighterTx tx) {
        try {
            return LighterJson.MAPPER.writeValueAsString(tx);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            return "{\"TxType\":" + tx.txType() + "}"; // informative only: nothing reads it back
        }
    }

    private void execute(LighterTx tx, BigDecimal partial, String txHash, boolean refuseAfterAccept) {
        long account = tx.context().accountIndex();
        if (tx instanceof CreateOrderTx o) {
            createOrder(account, o, partial, txHash, refuseAfterAccept);
        } else if (tx instanceof CancelOrderTx c) {
            cancel(account, markets.market(c.marketIndex()), c.index());
        } else if (tx instanceof CancelAllOrdersTx c) {
            if (c.timeInForce() != LighterConstants.CANCEL_ALL_IMMEDIATE) {
                throw LighterApiException.badRequest(LighterErrors.INVALID_TX_INFO,
                        "scheduled cancel-all is not emulated");
            }
            int market = c.attributes().cancelAllMarketIndex();
            engine(() -> exchange.cancelAll(account,
                    market == LighterConstants.NIL_MARKET_INDEX ? null : markets.market(market).symbol()));
        } else if (tx instanceof ModifyOrderTx m) {
            modify(account, m);
        } else if (tx instanceof UpdateLeverageTx u) {
            VenueMarket m = markets.market(u.marketIndex());
            // the SDK sends int(10000 / leverage); the nearest whole leverage inverts it
            int leverage = (int) Math.max(1, Math.round(10_000.0 / u.initialMarginFraction()));
            engine(() -> {
                exchange.setLeverage(account, m.symbol(), leverage,
                        u.marginMode() == LighterConstants.MARGIN_MODE_CROSS);
                return null;
            });
        } else if (tx instanceof UpdateMarginTx) {
            throw LighterApiException.badRequest(LighterErrors.INVALID_TX_INFO,
                    "isolated margin is not emulated (cross margin only)");
        }
    }

    private void createOrder(long account, CreateOrderTx o, BigDecimal partial, String txHash,
                             boolean refuseAfterAccept) {
        VenueMarket m = markets.market(o.marketIndex());
        if (o.orderType() != LighterConstants.ORDER_TYPE_LIMIT && o.orderType() != LighterConstants.ORDER_TYPE_MARKET) {
            throw LighterApiException.badRequest(LighterErrors.INVALID_ORDER_TYPE,
                    "invalid OrderType: only limit and market orders are emulated");
        }
        BigDecimal size = BigDecimal.valueOf(o.baseAmount(), m.sizeDecimals());
        BigDecimal price = BigDecimal.valueOf(o.price(), m.priceDecimals());
        boolean market = o.orderType() == LighterConstants.ORDER_TYPE_MARKET;
        TimeInForce tif = switch (o.timeInForce()) {
            case LighterConstants.TIF_IMMEDIATE_OR_CANCEL -> TimeInForce.IOC;
            case LighterConstants.TIF_GOOD_TILL_TIME -> TimeInForce.GTT;
            default -> TimeInForce.POST_ONLY;
        };
        OrderRequest req = new OrderRequest(m.symbol(), o.isAsk() == 1 ? Side.SELL : Side.BUY,
                market ? OrderType.MARKET : OrderType.LIMIT, tif, size, price, o.reduceOnly() == 1,
                o.clientOrderIndex() == 0 ? null : Long.toString(o.clientOrderIndex()),
                o.orderExpiry() == 0 ? null : Instant.ofEpochMilli(o.orderExpiry()), partial);
        if (refuseAfterAccept || !exchange.executionLatency().immediate()) {
            // Lighter acks the tx, then the sequencer executes it: fills and refusals show up later in the account
            // fills then carry this tx's hash, and the order is tied to it, as on the synchronous path
            exchange.submitAcknowledged(account, req, refuseAfterAccept ? CancelReason.MARGIN_NOT_ALLOWED : null,
                    execution -> {
                        String outer = EXECUTING.get();
                        EXECUTING.set(txHash);
                        try {
                            execution.run();
                        } finally {
                            if (outer == null) {
                                EXECUTING.remove();
                            } else {
                                EXECUTING.set(outer);
                            }
                        }
                    },
                    order -> txLog.orderCreated(order.orderId(), txHash));
            return;
        }
        OrderResult r = exchange.submit(account, req);
        if (!r.accepted()) {
            throw rejected(r.rejectReason(), r.message());
        }
        txLog.orderCreated(r.order().orderId(), txHash);
    }

    private void cancel(long account, VenueMarket m, long index) {
        Order existing = find(account, index);
        if (existing == null || existing.status() != OrderStatus.OPEN || !existing.symbol().equals(m.symbol())) {
            throw LighterApiException.badRequest(LighterErrors.NOT_ACTIVE_LIMIT_ORDER,
                    "given order is not an active limit order");
        }
        CancelResult c = exchange.cancel(account, existing.orderId());
        if (!c.canceled()) {
            throw rejected(c.failure(), "cancel failed");
        }
    }

    /** Modify amends the resting order in place: it keeps its order index (and client order index). */
    private void modify(long account, ModifyOrderTx mo) {
        VenueMarket m = markets.market(mo.marketIndex());
        if (mo.triggerPrice() != 0) {
            throw LighterApiException.badRequest(LighterErrors.INVALID_TX_INFO, "trigger orders are not emulated");
        }
        Order existing = find(account, mo.index());
        if (existing == null || existing.status() != OrderStatus.OPEN || !existing.symbol().equals(m.symbol())) {
            throw LighterApiException.badRequest(LighterErrors.NOT_ACTIVE_LIMIT_ORDER,
                    "given order is not an active limit order");
        }
        OrderResult r = exchange.modify(account, existing.orderId(), BigDecimal.valueOf(mo.baseAmount(), m.sizeDecimals()),
                BigDecimal.valueOf(mo.price(), m.priceDecimals()));
        if (!r.accepted()) {
            throw rejected(r.rejectReason(), r.message());
        }
    }

    /** An order by client order index (&lt; 2^48) or order index. */
    private Order find(long account, long index) {
        return (index <= LighterConstants.MAX_CLIENT_ORDER_INDEX
                ? exchange.orderByClientId(account, Long.toString(index))
                : exchange.order(account, index)).orElse(null);
    }

    private static <T> T engine(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (EngineRejection e) {
            throw rejected(e.reason(), e.getMessage());
        }
    }

    /** Engine reasons → Lighter's documented codes and texts. */
    static LighterApiException rejected(RejectReason reason, String detail) {
        int code;
        String text;
        switch (reason) {
            case UNKNOWN_MARKET -> { code = LighterErrors.INVALID_MARKET_INDEX; text = "invalid market index"; }
            case UNKNOWN_ACCOUNT -> { code = LighterErrors.ACCOUNT_NOT_FOUND; text = "account not found"; }
            case INVALID_SIZE, SIZE_OUT_OF_RANGE -> { code = LighterErrors.INVALID_BASE_AMOUNT; text = "invalid base amount"; }
            case NOTIONAL_TOO_SMALL -> { code = 21706; text = "invalid order base or quote amount"; }
            case INVALID_PRICE -> { code = LighterErrors.INVALID_PRICE; text = "invalid price"; }
            case INVALID_EXPIRY -> { code = LighterErrors.INVALID_EXPIRY; text = "invalid expiry"; }
            case POST_ONLY_WOULD_CROSS -> { code = LighterErrors.INVALID_TIME_IN_FORCE; text = "post only order would cross"; }
            case REDUCE_ONLY_WOULD_INCREASE -> { code = LighterErrors.REDUCE_ONLY_INCREASES; text = "reduce only increases position"; }
            case INSUFFICIENT_MARGIN -> { code = LighterErrors.NOT_ENOUGH_MARGIN; text = "not enough margin to create the order"; }
            case NOT_ENOUGH_LIQUIDITY -> { code = LighterErrors.INVALID_TX_INFO; text = "not enough liquidity"; }
            case DUPLICATE_CLIENT_ORDER_ID -> { code = LighterErrors.CLIENT_ORDER_INDEX_EXISTS; text = "client order index already exists"; }
            case ORDER_NOT_FOUND -> { code = LighterErrors.NOT_ACTIVE_LIMIT_ORDER; text = "given order is not an active limit order"; }
            case INVALID_LEVERAGE -> { code = LighterErrors.INVALID_TX_INFO; text = "invalid initial margin fraction"; }
            default -> { code = LighterErrors.INVALID_TX_INFO; text = "invalid tx info"; }
        }
        return LighterApiException.badRequest(code, detail == null ? text : text + " (" + detail + ")");
    }

    private static int formInt(RoutingContext ctx, String name) {
        String v = ctx.request().getFormAttribute(name);
        if (v == null || v.isBlank()) {
            throw LighterErrors.invalidParam(name + " is required");
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw LighterErrors.invalidParam(name + " must be an integer");
        }
    }

    private static JsonNode jsonField(RoutingContext ctx, String name) {
        String v = ctx.request().getFormAttribute(name);
        if (v == null) {
            throw LighterErrors.invalidParam(name + " is required");
        }
        try {
            return LighterJson.MAPPER.readTree(v);
        } catch (Exception e) {
            throw LighterErrors.invalidParam(name + " must be JSON");
        }
    }
}
