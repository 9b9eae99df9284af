package io.perpcarry.emulator.engine;

import java.math.BigDecimal;
import java.time.Instant;

/** A public trade as the venue's trade feed shows it; {@code takerSide} BUY means the ask was lifted. */
public record Trade(long tradeId, String symbol, BigDecimal price, BigDecimal size, Side takerSide,
                    long buyerAccountId, long sellerAccountId, long buyOrderId, long sellOrderId,
                    boolean liquidation, Instant time) {
}
