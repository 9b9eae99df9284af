package io.perpcarry.emulator.edgex;

import static io.perpcarry.emulator.edgex.EdgexJson.dec;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.perpcarry.crypto.edgex.EdgexDomain;
import io.perpcarry.emulator.engine.Exchange;
import io.perpcarry.emulator.engine.FundingEstimate;
import io.perpcarry.emulator.engine.FundingSettlement;

/** {@code /api/v2/public/...}: server time, metadata, ticker, depth, funding (edgex.md §3). */
final class EdgexPublicHandlers {
    private final Exchange exchange;
    private final EdgexContracts contracts;
    private final EdgexDomain domain;

    EdgexPublicHandlers(Exchange exchange, EdgexContracts contracts, EdgexDomain domain) {
        this.exchange = exchange;
        this.contracts = contracts;
        this.domain = domain;
    }

    void mount(EdgexRest rest) {
        rest.publicGet("meta/getServerTime", this::serverTime);
        rest.publicGet("meta/getMetaData", c -> metaData());
        rest.publicGet("quote/getTicker", this::ticker);
        rest.publicGet("quote/getDepth", this::depth);
        rest.publicGet("funding/getLatestFundingRate", this::latestFunding);
        rest.publicGet("funding/getFundingRatePage", this::fundingPage);
    }

    /** The recorded v2 answer names it {@code serverTime} (the older docs say {@code timeMillis}; the live capture wins). */
    private JsonNode serverTime(EdgexCall call) {
        return EdgexJson.object().put("serverTime", Long.toString(call.nowMs()));
    }

    /**
     * {@code getMetaData} with the v2 key set of the recorded mainnet row (captures/edgex/GET_api_v2_public_meta_getMetaData
     * .json: no starkEx* keys, contract resolution in decimal, coin resolution in 0x-hex, base coins with null assetId
     * and resolution). {@code global} keeps the chain id and contract address the SDK signs with (order/client.py).
     */
    JsonNode metaData() {
        ObjectNode data = EdgexJson.object();
        ObjectNode global = data.putObject("global");
        global.put("appName", "edgeX");
        global.put("appEnv", "emulator");
        global.put("appOnlySignOn", "");
        global.put("chainId", domain.chainId().toString());
        global.put("nativeChainId", domain.chainId().toString());
        global.put("contractAddress", domain.verifyingContract().toString().toLowerCase());
        global.put("maintenanceReason", "");
        ArrayNode coins = data.putArray("coinList");
        ObjectNode quote = coin(Long.toString(EdgexContract.QUOTE_COIN_ID), EdgexContract.QUOTE_COIN_NAME, "0.000001");
        quote.put("assetId", "0x2ce625e94458d39dd0bf3b45a843544dd4a14b8169045a3a3d15aa564b936c5"); // recorded USDC
        quote.put("resolution", "0x" + EdgexContract.QUOTE_RESOLUTION.toString(16));
        coins.add(quote);
        for (EdgexContract c : contracts.all()) {
            ObjectNode base = coin(Long.toString(c.baseCoinId()), c.baseCoinName(), dec(c.market().stepSize()));
            base.putNull("assetId");
            base.putNull("resolution");
            coins.add(base);
        }
        ArrayNode list = data.putArray("contractList");
        contracts.all().forEach(c -> list.add(contract(c)));
        data.putObject("multiChain").putArray("chainList");
        return data;
    }

    private static ObjectNode coin(String id, String name, String step) {
        ObjectNode n = EdgexJson.object();
        n.put("coinId", id);
        n.put("coinName", name);
        n.put("stepSize", step);
        n.put("showStepSize", step);
        n.put("iconUrl", "https://static.edgex.exchange/icons/coin/" + name + ".png");
        return n;
    }

    private static ObjectNode contract(EdgexContract c) {
        var m = c.market();
        var spec = c.spec();
        ObjectNode n = EdgexJson.object();
        n.put("contractId", c.id());
        n.put("contractName", c.contractName());
        n.put("baseCoinId", Long.toString(c.baseCoinId()));
        n.put("quoteCoinId", Long.toString(EdgexContract.QUOTE_COIN_ID));
        n.put("tickSize", dec(m.tickSize()));
        n.put("stepSize", dec(m.stepSize()));
        n.put("minOrderSize", dec(m.minSize()));
        n.put("maxOrderSize", m.maxSize() == null ? "" : dec(m.maxSize()));
        n.put("maxOrderBuyPriceRatio", dec(c.buyBandRatio()));
        n.put("minOrderSellPriceRatio", dec(c.sellBandRatio()));
        n.put("maxPositionSize", m.maxSize() == null ? "" : dec(m.maxSize().multiply(BigDecimal.valueOf(3))));
        n.put("maxMarketPositionSize", m.maxSize() == null ? "" : dec(m.maxSize()));
        ArrayNode tiers = n.putArray("riskTierList");
        ObjectNode tier = tiers.addObject();
        tier.put("tier", 1);
        tier.put("positionValueUpperBound", "1000000000");
        tier.put("maxLeverage", Integer.toString(m.maxLeverage()));
        tier.put("maintenanceMarginRate", dec(m.maintenanceMarginFraction()));
        tier.put("risk", "0");
        tier.put("upperBound", "0");
        n.put("defaultTakerFeeRate", dec(m.takerFee()));
        n.put("defaultMakerFeeRate", dec(m.makerFee()));
        n.put("defaultLeverage", Integer.toString(m.defaultLeverage()));
        n.put("liquidateFeeRate", "0.01");
        n.put("tpslSpreadProtectionThreshold", "0.03");
        n.put("enableTrade", spec.enableTrade());
        n.put("enableDisplay", spec.enableDisplay());
        n.put("enableOpenPosition", spec.enableOpenPosition());
        n.put("fundingInterestRate", "0.0003");
        n.put("fundingImpactMarginNotional", "10");
        if (spec.funding() != null && spec.funding().max() != null) {
            n.put("fundingMaxRate", dec(spec.funding().max()));
            n.put("fundingMinRate", dec(spec.funding().min()));
        } else {
            n.put("fundingMaxRate", "0.004");
            n.put("fundingMinRate", "-0.004");
        }
        n.put("fundingRateIntervalMin", Integer.toString(c.fundingRateIntervalMin()));
        n.put("fundingQuoteImpactMarginNotional", "10");
        n.put("displayDigitMerge", dec(m.tickSize()));
        n.put("displayMaxLeverage", Integer.toString(m.maxLeverage()));
        n.put("displayMinLeverage", "1");
        n.put("displayNewIcon", false);
        n.put("displayHotIcon", false);
        n.put("matchServerName", "edgex-match-server");
        n.put("syntheticAssetId", "0x" + java.util.HexFormat.of().formatHex(
                (c.baseCoinName() + "USD").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        n.put("resolution", c.resolution().toString()); // decimal for contracts (recorded v2)
        n.put("oraclePriceQuorum", "1");
        n.putArray("oraclePriceSignedAssetIds").add(c.baseCoinName() + "USD");
        n.putArray("oraclePriceSigners");
        n.put("openSizeReduceRatio", "0.99");
        n.put("isStock", false);
        n.put("isFx", false);
        return n;
    }

    /**
     * One contract per call: with no {@code contractId}, a comma list or an unknown id the venue answers SUCCESS with
     * {@code []} (three live observations, captures/edgex/GET_api_v2_public_quote_getTicker.json notes).
     */
    private JsonNode ticker(EdgexCall call) {
        ArrayNode out = EdgexJson.array();
        String id = call.query().getOrDefault("contractId", "");
        known(id).ifPresent(c -> out.add(EdgexMarketViews.ticker(c, exchange.stats(c.symbol()), exchange.funding(c.symbol()))));
        return out;
    }

    private java.util.Optional<EdgexContract> known(String id) {
        if (id.isBlank() || id.contains(",")) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(contracts.byId(id));
        } catch (EdgexError e) {
            return java.util.Optional.empty();
        }
    }

    private JsonNode depth(EdgexCall call) {
        EdgexContract c = contracts.byId(call.q("contractId"));
        int level = depthLevel(call.q("level"));
        return EdgexJson.array().add(EdgexMarketViews.depthSnapshot(c, level, exchange.book(c.symbol(), level)));
    }

    /** The venue accepts only 15 and 200; anything else is INVALID_DEPTH_LEVEL on HTTP 200 (recorded errors.json). */
    static int depthLevel(String text) {
        if (!text.equals("15") && !text.equals("200")) {
            throw EdgexError.business(EdgexError.Codes.INVALID_DEPTH_LEVEL, "depth level only support 15 and 200");
        }
        return Integer.parseInt(text);
    }

    /** A comma list is accepted (SDK funding/client.py); an unknown id just has no row (recorded note). */
    private JsonNode latestFunding(EdgexCall call) {
        ArrayNode out = EdgexJson.array();
        List<String> ids = EdgexParams.queryList(call.query(), "contractId");
        List<EdgexContract> wanted = ids.isEmpty() ? contracts.all()
                : ids.stream().map(this::known).flatMap(java.util.Optional::stream).toList();
        for (EdgexContract c : wanted) {
            out.add(latestFunding(exchange, c));
        }
        return out;
    }

    static ObjectNode latestFunding(Exchange exchange, EdgexContract c) {
        return EdgexMarketViews.latestFunding(c, exchange.funding(c.symbol()), exchange.stats(c.symbol()),
                lastFixedRate(exchange, c));
    }

    /**
     * The rate fixed at the last settlement: the engine's last settled rate, else the newest (backfilled) history
     * row, else 0 for a market that has never settled.
     */
    static BigDecimal lastFixedRate(Exchange exchange, EdgexContract c) {
        FundingEstimate f = exchange.funding(c.symbol());
        if (f.lastSettledRate() != null) {
            return f.lastSettledRate();
        }
        List<FundingSettlement> last = exchange.fundingHistory(c.symbol(), null, f.nextFundingTime(), 1);
        return last.isEmpty() ? BigDecimal.ZERO : last.get(0).rate();
    }

    private JsonNode fundingPage(EdgexCall call) {
        EdgexContract c = contracts.byId(call.q("contractId"));
        int size = EdgexParams.size(call.query(), 100);
        int offset = EdgexPage.offset(call.query());
        Instant from = EdgexPage.time(call.query(), "filterBeginTimeInclusive", Instant.EPOCH);
        Instant to = EdgexPage.time(call.query(), "filterEndTimeExclusive", Instant.ofEpochMilli(call.nowMs() + 1));
        // Only settled periods exist as history; filterSettlementFundingRate=true therefore changes nothing.
        List<FundingSettlement> rows = exchange.fundingHistory(c.symbol(), from, to, offset + size + 1);
        return EdgexPage.of(rows, offset, size, s -> EdgexMarketViews.settledFunding(c, s));
    }
}
