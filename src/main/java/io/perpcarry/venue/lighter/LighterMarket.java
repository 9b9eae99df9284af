package io.perpcarry.venue.lighter;

import io.perpcarry.domain.MarketSpec;
import io.perpcarry.strategy.LighterScaling;

/**
 * One Lighter perp market: our spec plus what signing needs (the integer scaling of price and size) and the
 * smallest initial margin fraction the market allows (in 1/10000, so 200 = 2 % = 50x maximum leverage).
 */
record LighterMarket(MarketSpec spec, int marketId, int sizeDecimals, int priceDecimals,
                     int minInitialMarginFraction) {

    String symbol() {
        return spec.symbol();
    }

    LighterScaling scaling() {
        return new LighterScaling(priceDecimals, sizeDecimals);
    }
}
