package io.perpcarry.venue.edgex;

import io.perpcarry.crypto.edgex.EdgexContractSpec;
import io.perpcarry.domain.MarketSpec;
import java.math.BigDecimal;

/**
 * One EdgeX contract as the connector uses it: our spec, what signing needs, and the venue's order limits.
 *
 * @param buyBandRatio  a BUY limit may be at most oracle × (1 + ratio) ({@code maxOrderBuyPriceRatio})
 * @param sellBandRatio a SELL limit may be at least oracle × (1 − ratio) ({@code minOrderSellPriceRatio})
 * @param tradable      {@code enableTrade && enableDisplay}; otherwise known (positions map) but not offered.
 *                      {@code enableOpenPosition} is {@link MarketSpec#closedToOpening()}
 */
record EdgexMarket(MarketSpec spec, String contractName, EdgexContractSpec signing, BigDecimal maxOrderSize,
                   BigDecimal buyBandRatio, BigDecimal sellBandRatio, boolean tradable) {

    String symbol() {
        return spec.symbol();
    }

    String contractId() {
        return spec.venueMarketId();
    }
}
