package io.perpcarry.emulator.engine;

/**
 * Engine-wide counters. Order ids start above 2^53 because the venues' do: recorded Lighter order indexes
 * reach 39687971468506323 (captures/lighter/GET_api_v1_accountActiveOrders.json) and EdgeX order ids are
 * 18 digits, so a client that parses them as doubles must fail here as it would live. They stay above 2^48
 * so Lighter can tell an order index from a client order index (at most 2^48 - 1).
 */
final class IdSource {
    static final long FIRST_ORDER_ID = (1L << 55) + 12_345;

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
