package io.perpcarry.emulator.engine;

import io.perpcarry.emulator.VenueId;
import io.perpcarry.emulator.scenario.EdgexMarketSpec;
import io.perpcarry.emulator.scenario.LighterMarketSpec;
import io.perpcarry.emulator.scenario.MarketSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Turns a scenario market into each venue's trading parameters. */
final class VenueMarkets {
    /** Lighter quotes funding per 8 h and settles every hour. */
    static final int LIGHTER_RATE_PERIOD_MINUTES = 480;
    static final int LIGHTER_SETTLEMENT_MINUTES = 60;

    private VenueMarkets() {
    }

    static VenueMarket of(VenueId venue, MarketSpec spec) {
        return switch (venue) {
            case LIGHTER -> lighter(spec);
            case EDGEX -> edgex(spec);
        };
    }

    private static VenueMarket lighter(MarketSpec spec) {
        LighterMarketSpec l = spec.lighter();
        // the default leverage is what the default initial margin fraction allows
        int defaultLeverage = Math.min(l.maxLeverage(),
                BigDecimal.ONE.divide(l.initialMarginFraction(), 0, RoundingMode.DOWN).intValueExact());
        return new VenueMarket(VenueId.LIGHTER, spec.symbol(), String.valueOf(l.marketId()), l.tickSize(), l.stepSize(),
                l.minBaseAmount(), null, l.minQuoteAmount(), l.takerFee(), l.makerFee(), l.maxLeverage(),
                Math.max(1, defaultLeverage), l.maintenanceMarginFraction(), l.basisBps(), LIGHTER_RATE_PERIOD_MINUTES,
                LIGHTER_SETTLEMENT_MINUTES, spec);
    }

    private static VenueMarket edgex(MarketSpec spec) {
        EdgexMarketSpec e = spec.edgex();
        return new VenueMarket(VenueId.EDGEX, spec.symbol(), e.contractId(), e.tickSize(), e.stepSize(),
                e.minOrderSize(), e.maxOrderSize(), BigDecimal.ZERO, e.takerFee(), e.makerFee(), e.maxLeverage(),
                e.maxLeverage(), e.maintenanceMarginRate(), e.basisBps(), e.fundingRateIntervalMin(),
                e.fundingRateIntervalMin(), spec);
    }
}
