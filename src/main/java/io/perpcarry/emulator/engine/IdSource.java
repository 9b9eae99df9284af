package io.perpcarry.emulator.engine;

/** Engine-wide counters. Order ids start at 2^48 so Lighter can tell them from client order indexes. */
final class IdSource {
    static final long FIRST_ORDER_ID = 1L << 48;

    private long nextOrderId = FIRST_ORDER_ID;
    private long nextTradeId = 1;
    private long nextFundingId = 1;

    long orderId() {
        return nextOrderId++;
    }

    long tradeId() {
        return nextTradeId++;
    }

    long fundingId() {
        return nextFundingId++;
    }
}
