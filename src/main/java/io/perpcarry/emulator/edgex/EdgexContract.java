package io.perpcarry.emulator.edgex;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

import io.perpcarry.crypto.edgex.EdgexContractSpec;
import io.perpcarry.emulator.engine.VenueMarket;
import io.perpcarry.emulator.scenario.EdgexMarketSpec;

/**
 * The EdgeX face of one engine market: the ids, steps, fees and resolutions {@code getMetaData}
 * publishes and {@code createOrder} is checked against.
 *
 * @param baseCoinId the base coin's id in {@code coinList}; the scenario has none, so the emulator
 *                   numbers base coins 1001, 1002, ... in market order (1000 is the quote coin)
 */
public record EdgexContract(VenueMarket market, EdgexMarketSpec spec, long contractId, long baseCoinId,
                            BigInteger resolution) {

    /** The quote (collateral) coin of every v2 contract: coin 1000 "USDC" (recorded getMetaData, captures/edgex). */
    public static final long QUOTE_COIN_ID = 1000;
    public static final String QUOTE_COIN_NAME = "USDC";
    /** Quote coin resolution (10^6), published as {@code coinList[].resolution}. */
    public static final BigInteger QUOTE_RESOLUTION = BigInteger.TEN.pow(6);

    public EdgexContract {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(spec, "spec");
    }

    public static EdgexContract of(VenueMarket market, long baseCoinId) {
        EdgexMarketSpec spec = market.spec().edgex();
        if (spec == null) {
            throw new IllegalArgumentException("market " + market.symbol() + " has no edgex section");
        }
        return new EdgexContract(market, spec, Long.parseLong(market.venueMarketId()), baseCoinId,
                parseResolution(spec.resolution()));
    }

    public String id() {
        return Long.toString(contractId);
    }

    public String symbol() {
        return market.symbol();
    }

    public String contractName() {
        return spec.contractName();
    }

    /** The base coin's {@code coinName}: the scenario's, else the engine symbol ("BTC"). */
    public String baseCoinName() {
        return spec.baseCoinName() != null ? spec.baseCoinName() : market.symbol();
    }

    /** Published {@code maxOrderBuyPriceRatio}: a BUY limit may be at most oracle × (1 + this). */
    public BigDecimal buyBandRatio() {
        return spec.maxOrderBuyPriceRatio();
    }

    /** Published {@code minOrderSellPriceRatio}: a SELL limit may be at least oracle × (1 − this). */
    public BigDecimal sellBandRatio() {
        return spec.minOrderSellPriceRatio();
    }

    public int fundingRateIntervalMin() {
        return spec.fundingRateIntervalMin();
    }

    /** The signing view of this contract (the EIP-712 asset ids, resolutions and fee rates). */
    public EdgexContractSpec signingSpec() {
        return new EdgexContractSpec(contractId, QUOTE_COIN_ID, resolution, QUOTE_RESOLUTION,
                market.takerFee(), market.makerFee());
    }

    private static BigInteger parseResolution(String text) {
        String t = text.strip();
        return t.startsWith("0x") || t.startsWith("0X") ? new BigInteger(t.substring(2), 16) : new BigInteger(t);
    }
}
