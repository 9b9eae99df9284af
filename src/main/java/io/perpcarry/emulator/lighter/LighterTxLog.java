package io.perpcarry.emulator.lighter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The transactions the emulator executed, by hash, and which order each created: what {@code /api/v1/tx}
 * answers and what ties a trade's {@code tx_hash} to the transaction that caused it. Bounded (oldest dropped).
 */
final class LighterTxLog {
    static final int LIMIT = 20_000;

    /** One executed transaction as {@code EnrichedTx} needs it. */
    record Entry(String hash, int txType, String info, long accountIndex, int apiKeyIndex, long nonce, long expireAt,
                 long sequenceIndex, long executedAtMillis) {
    }

    private final AtomicLong sequence = new AtomicLong(1_000_000);
    private final Map<String, Entry> byHash = new LinkedHashMap<>();
    private final Map<Long, Entry> bySequence = new LinkedHashMap<>();
    private final Map<Long, String> orderTx = new LinkedHashMap<>();

    synchronized Entry record(String hash, int txType, String info, long account, int apiKey, long nonce, long expireAt,
                              long executedAtMillis) {
        Entry e = new Entry(hash, txType, info, account, apiKey, nonce, expireAt, sequence.incrementAndGet(),
                executedAtMillis);
        byHash.put(hash, e);
        bySequence.put(e.sequenceIndex(), e);
        while (byHash.size() > LIMIT) {
            Entry oldest = byHash.values().iterator().next();
            byHash.remove(oldest.hash());
            bySequence.remove(oldest.sequenceIndex());
        }
        return e;
    }

    /** The order a CreateOrder tx placed. */
    synchronized void orderCreated(long orderId, String hash) {
        orderTx.put(orderId, hash);
        while (orderTx.size() > LIMIT) {
            orderTx.remove(orderTx.keySet().iterator().next());
        }
    }

    synchronized Optional<String> txOfOrder(long orderId) {
        return Optional.ofNullable(orderTx.get(orderId));
    }

    /** The tx that caused a fill: the taker order's own tx, else (the market maker took it) a derived hash. */
    String hashOf(io.perpcarry.emulator.engine.Fill f) {
        if (f.liquidity() != io.perpcarry.emulator.engine.Liquidity.TAKER || f.liquidation()) {
            return LighterJson.makerTxHash(f.tradeId());
        }
        return causing(f.orderId(), f.tradeId());
    }

    /** The tx that caused a public trade: the taker's (an account's order) or a derived one (market maker). */
    String hashOf(io.perpcarry.emulator.engine.Trade t) {
        long takerOrder = t.takerSide() == io.perpcarry.emulator.engine.Side.BUY ? t.buyOrderId() : t.sellOrderId();
        if (takerOrder == 0 || t.liquidation()) {
            return LighterJson.makerTxHash(t.tradeId());
        }
        return causing(takerOrder, t.tradeId());
    }

    private String causing(long orderId, long tradeId) {
        String executing = LighterTxHandler.EXECUTING.get();
        return txOfOrder(orderId).orElse(executing != null ? executing : LighterJson.makerTxHash(tradeId));
    }

    synchronized Optional<Entry> byHash(String hash) {
        return Optional.ofNullable(byHash.get(hash));
    }

    synchronized Optional<Entry> bySequence(long index) {
        return Optional.ofNullable(bySequence.get(index));
    }
}
