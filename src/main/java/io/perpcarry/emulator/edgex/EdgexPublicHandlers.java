package io.perpcarry.emulator.edgex;

import static io.perpcarry.emulator.edgex.EdgexJson.dec;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.perpcarry.crypto.edgex.EdgexDomain;
import io.perpcarry.emulator.engine.Exchange;
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

    private JsonNode serverTime(EdgexCall call) {
        return EdgexJson.object().put("timeMillis", Long.toString(call.nowMs()));
    }

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
        coins.add(coin(Long.toString(EdgexContract.QUOTE_COIN_ID), EdgexContract.QUOTE_COIN_NAME, "0.000001",
                EdgexContract.QUOTE_RESOLUTION.toString()));
        for (EdgexContract c : contracts.all()) {
            coins.add(coin(Long.toString(c.baseCoinId()), c.symbol(), dec(c.market().stepSize()), c.resolution().toString()));
        }
        ArrayNode list = data.putArray("contractList");
        contracts.all().forEach(c -> list.add(contract(c)));
        return data;
    }

    private static ObjectNode coin(String id, String name, String step, String resolution) {
        ObjectNode n = EdgexJson.object();
        n.put("coinId", id);
        n.put("coinName", name);
        n.put("stepSize", step);
        n.put("showStepSize", step);
        n.put("iconUrl", "");
        n.putNull("starkExAssetId");
        n.putNull("starkExResolution");
        n.put("resolution", resolution);
        return n;
    }

    private static ObjectNode contract(EdgexContract c) {
        var m = c.market();
        ObjectNode n = EdgexJson.object();
        n.put("contractId", c.id());
        n.put("contractName", c.contractName());
        n.put("baseCoinId", Long.toString(c.baseCoinId()));
        n.put("quoteCoinId", Long.toString(EdgexContract.QUOTE_COIN_ID));
        n.put("tickSize", dec(m.tickSize()));
        n.put("stepSize", dec(m.stepSize()));
        n.put("minOrderSize", dec(m.minSize()));
        n.put("maxOrderSize", m.maxSize() == null ? "" : dec(m.maxSize()));
        n.put("maxOrderBuyPriceRatio", dec(EdgexContract.PRICE_BAND_RATIO));
        n.put("minOrderSellPriceRatio", dec(EdgexContract.PRICE_BAND_RATIO));
        n.put("maxPositionSize", m.maxSize() == null ? "" : dec(m.maxSize()));
        ArrayNode tiers = n.putArray("riskTierList");
        ObjectNode tier = tiers.addObject();
        tier.put("tier", 1);
        tier.put("positionValueUpperBound", "1000000000");
        tier.put("maxLeverage", Integer.toString(m.maxLeverage()));
        tier.put("maintenanceMarginRate", dec(m.maintenanceMarginFraction()));
        tier.put("starkExRisk", "0");
        tier.put("starkExUpperBound", "0");
        n.put("defaultTakerFeeRate", dec(m.takerFee()));
        n.put("defaultMakerFeeRate", dec(m.makerFee()));
        n.put("defaultLeverage", Integer.toString(m.defaultLeverage()));
        n.put("liquidateFeeRate", "0");
        n.put("enableTrade", true);
        n.put("enableDisplay", true);
        n.put("enableOpenPosition", true);
        n.put("fundingInterestRate", "0");
        n.put("fundingImpactMarginNotional", "0");
        if (c.spec().funding() != null && c.spec().funding().max() != null) {
            n.put("fundingMaxRate", dec(c.spec().funding().max()));
            n.put("fundingMinRate", dec(c.spec().funding().min()));
        } else {
            n.put("fundingMaxRate", "");
            n.put("fundingMinRate", "");
        }
        n.put("fundingRateIntervalMin", Integer.toString(c.fundingRateIntervalMin()));
        n.put("displayDigitMerge", "");
        n.put("displayMaxLeverage", Integer.toString(m.maxLeverage()));
        n.put("displayMinLeverage", "1");
        n.put("displayNewIcon", false);
        n.put("displayHotIcon", false);
        n.put("matchServerName", "emulator");
        n.put("starkExSyntheticAssetId", "");
        n.put("starkExResolution", "");
        n.put("starkExOraclePriceQuorum", "");
        n.putArray("starkExOraclePriceSignedAssetId");
        n.putArray("starkExOraclePriceSigner");
        n.put("resolution", "0x" + c.resolution().toString(16));
        return n;
    }

    private JsonNode ticker(EdgexCall call) {
        ArrayNode out = EdgexJson.array();
        for (EdgexContract c : contracts.select(EdgexParams.queryList(call.query(), "contractId"))) {
            out.add(EdgexMarketViews.ticker(c, exchange.stats(c.symbol()), exchange.funding(c.symbol())));
        }
        return out;
    }

    private JsonNode depth(EdgexCall call) {
        EdgexContract c = contracts.byId(call.q("contractId"));
        int level = depthLevel(call.q("level"));
        return EdgexJson.array().add(EdgexMarketViews.depthSnapshot(c, level, exchange.book(c.symbol(), level)));
    }

    /** The venue accepts only 15 and 200 (edgex.md §3.4). */
    static int depthLevel(String text) {
        if (!text.equals("15") && !text.equals("200")) {
            throw EdgexError.badRequest("level must be 15 or 200: " + text);
        }
        return Integer.parseInt(text);
    }

    private JsonNode latestFunding(EdgexCall call) {
        ArrayNode out = EdgexJson.array();
        for (EdgexContract c : contracts.select(EdgexParams.queryList(call.query(), "contractId"))) {
            out.add(EdgexMarketViews.latestFunding(c, exchange.funding(c.symbol()), exchange.stats(c.symbol())));
        }
        return out;
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
