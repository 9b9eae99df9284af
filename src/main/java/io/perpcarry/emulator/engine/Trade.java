package io.perpcarry.emulator.engine;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A public trade as the venue's trade feed shows it; {@code takerSide} BUY means the ask was lifted. The
 * client order ids are the accounts' own (null for the emulator's market maker): venues show them in trades.
 */
public record Trade(long tradeId, String symbol, BigDecimal price, BigDecimal size, Side takerSide,
                    long buyerAccountId, long sellerAccountId, long buyOrderId, long sellOrderId,
                    boolean liquidation, Instant time, String buyClientOrderId, String sellClientOrderId) {

    public Trade(long tradeId, String symbol, BigDecimal price, BigDecimal size, Side takerSide,
                 long buyerAccountId, long sellerAccountId, long buyOrderId, long sellOrderId,
                 boolean liquidation, Instant time) {
        this(tradeId, symbol, price, size, takerSide, buyerAccountId, sellerAccountId, buyOrderId, sellOrderId,
                liquidation, time, null, null);
    }
}
