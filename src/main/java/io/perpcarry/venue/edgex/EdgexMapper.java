package io.perpcarry.venue.edgex;

import com.fasterxml.jackson.databind.JsonNode;
import io.perpcarry.domain.BookLevel;
import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Position;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.AccountState;
import io.perpcarry.venue.FundingPayment;
import io.perpcarry.venue.OpenOrder;
import io.perpcarry.venue.OrderRequest;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** EdgeX JSON (edgex.md §3-4) to our domain. Pure functions; every missing or unparsable field throws. */
final class EdgexMapper {
    private EdgexMapper() {
    }

    /** A contract id the catalog does not know: the caller refreshes metadata once, then gives up. */
    static final class UnknownContract extends RuntimeException {
        final String contractId;

        UnknownContract(String contractId, String where) {
            super(where + ": contractId " + contractId + " is not in the metadata");
            this.contractId = contractId;
        }
    }

    /**
     * {@code ticker} fields the connector uses: the oracle price (order band) and 24 h quote volume. Illiquid
     * contracts omit {@code oraclePrice} (recorded ws_ticker, EURUSDC 30000162), so it is optional here: such a
     * contract cannot be priced for an order and is left out of snapshots, not the whole venue.
     */
    record Ticker(String contractId, Optional<BigDecimal> oraclePrice, BigDecimal volume24hQuote, Instant observedAt) {
    }

    /**
     * One depth message (REST {@code getDepth} item or WS {@code depth.*} data item). Sizes are absolute; 0 removes
     * a level (edgex.md §7).
     */
    record Depth(String contractId, boolean snapshot, Long startVersion, Long endVersion,
                 List<Level> bids, List<Level> asks) {
    }

    record Level(BigDecimal price, BigDecimal size) {
    }

    // ---- funding -------------------------------------------------------------------------------------------------

    /**
     * {@code getLatestFundingRate} rows → quotes keyed by symbol, at the rate the NEXT settlement will charge:
     * {@code forecastFundingRate}. {@code fundingRate} is the last fixed rate, already settled at {@code fundingTime}
     * (docs/reference/edgex.md "Which funding rate is paid"). A row without a forecast (the venue writes "" at the
     * settlement minute) is left out and named in {@code noForecast}: ranking the past period's rate instead would be
     * a silent substitution. Rows of contracts we do not list are skipped: they cannot be traded yet.
     */
    static Map<String, FundingQuote> fundingQuotes(JsonNode data, Function<String, Optional<EdgexMarket>> markets,
                                                   Instant now, List<String> noForecast) {
        if (!data.isArray()) {
            throw Wire.malformed("getLatestFundingRate", "data is not a list");
        }
        Map<String, FundingQuote> out = new LinkedHashMap<>();
        for (JsonNode row : data) {
            String where = "getLatestFundingRate row";
            Optional<EdgexMarket> m = markets.apply(Wire.text(row, "contractId", where));
            if (m.isEmpty()) {
                continue;
            }
            // The rate is per the contract's own interval; the row states it, metadata is the fallback source.
            Duration interval = Wire.optText(row, "fundingRateIntervalMin").isPresent()
                    ? Duration.ofMinutes(Wire.integer(row, "fundingRateIntervalMin", where))
                    : m.get().spec().fundingInterval();
            Wire.field(row, "forecastFundingRate", where); // absent (renamed) is malformed; "" is the settlement minute
            Optional<BigDecimal> forecast = Wire.optDecimal(row, "forecastFundingRate", where);
            if (forecast.isEmpty()) {
                noForecast.add(m.get().symbol());
                continue;
            }
            out.put(m.get().symbol(), new FundingQuote(Venue.EDGEX, m.get().symbol(), forecast.get(), interval, now));
        }
        return out;
    }

    static Map<String, FundingQuote> fundingQuotes(JsonNode data, Function<String, Optional<EdgexMarket>> markets,
                                                   Instant now) {
        return fundingQuotes(data, markets, now, new ArrayList<>());
    }

    // ---- quotes --------------------------------------------------------------------------------------------------

    static Map<String, Ticker> tickers(JsonNode data, Instant now) {
        if (!data.isArray()) {
            throw Wire.malformed("getTicker", "data is not a list");
        }
        Map<String, Ticker> out = new HashMap<>();
        for (JsonNode t : data) {
            Ticker k = ticker(t, now);
            out.put(k.contractId(), k);
        }
        return out;
    }

    static Ticker ticker(JsonNode t, Instant now) {
        String where = "ticker";
        return new Ticker(Wire.text(t, "contractId", where), Wire.optDecimal(t, "oraclePrice", where),
                Wire.decimal(t, "value", where), now);
    }

    static Depth depth(JsonNode d) {
        String where = "depth";
        String type = Wire.optText(d, "depthType").orElse("SNAPSHOT");
        boolean snapshot;
        if (type.equalsIgnoreCase("SNAPSHOT")) {
            snapshot = true;
        } else if (type.equalsIgnoreCase("CHANGED")) {
            snapshot = false;
        } else {
            throw Wire.malformed(where, "unknown depthType " + type);
        }
        Long start = Wire.optText(d, "startVersion").map(v -> Wire.integer(d, "startVersion", where)).orElse(null);
        Long end = Wire.optText(d, "endVersion").map(v -> Wire.integer(d, "endVersion", where)).orElse(null);
        return new Depth(Wire.text(d, "contractId", where), snapshot, start, end,
                levels(d, "bids"), levels(d, "asks"));
    }

    /** Levels as objects {@code {price, size}} (OpenAPI, seen in production) or arrays {@code [price, size]} (WS doc). */
    private static List<Level> levels(JsonNode d, String side) {
        JsonNode arr = d.get(side);
        if (arr == null || arr.isNull()) {
            return List.of();
        }
        if (!arr.isArray()) {
            throw Wire.malformed("depth", side + " is not a list");
        }
        List<Level> out = new ArrayList<>(arr.size());
        for (JsonNode l : arr) {
            BigDecimal price;
            BigDecimal size;
            if (l.isArray() && l.size() >= 2) {
                price = decimalOf(l.get(0), side);
                size = decimalOf(l.get(1), side);
            } else if (l.isObject()) {
                price = Wire.decimal(l, "price", "depth " + side);
                size = Wire.decimal(l, "size", "depth " + side);
            } else {
                throw Wire.malformed("depth", side + " level is neither object nor pair");
            }
            if (price.signum() <= 0 || size.signum() < 0) {
                throw Wire.malformed("depth", side + " level with price " + price + " size " + size);
            }
            out.add(new Level(price, size));
        }
        return out;
    }

    private static BigDecimal decimalOf(JsonNode v, String side) {
        try {
            return new BigDecimal(v.asText());
        } catch (NumberFormatException e) {
            throw Wire.malformed("depth", side + " level is not a decimal: " + v);
        }
    }

    static List<BookLevel> bookLevels(List<Level> levels) {
        List<BookLevel> out = new ArrayList<>(levels.size());
        for (Level l : levels) {
            if (l.size().signum() > 0) {
                out.add(new BookLevel(l.price(), l.size()));
            }
        }
        return out;
    }

    // ---- account -------------------------------------------------------------------------------------------------

    /**
     * {@code getAccountAsset}: equity and available balance of the quote coin, and every non-flat position.
     * {@code openSize} is signed (+long/−short); the entry price is {@code avgEntryPrice}, else openValue/openSize.
     */
    static AccountState account(JsonNode data, String quoteCoinId, Function<String, Optional<EdgexMarket>> markets,
                                Instant now) {
        String where = "getAccountAsset";
        JsonNode collateral = null;
        for (JsonNode c : Wire.array(data, "collateralAssetModelList", where)) {
            if (quoteCoinId.equals(Wire.text(c, "coinId", where + " collateral"))) {
                collateral = c;
            }
        }
        if (collateral == null) {
            throw Wire.malformed(where, "no collateral entry for quote coin " + quoteCoinId);
        }
        BigDecimal equity = Wire.decimal(collateral, "totalEquity", where);
        BigDecimal available = Wire.decimal(collateral, "availableAmount", where);

        Map<String, JsonNode> assets = new HashMap<>();
        JsonNode assetList = data.get("positionAssetList");
        if (assetList != null && assetList.isArray()) {
            for (JsonNode a : assetList) {
                assets.put(Wire.text(a, "contractId", where + " positionAsset"), a);
            }
        }
        List<Position> positions = new ArrayList<>();
        for (JsonNode p : Wire.array(data, "positionList", where)) {
            String pw = where + " position";
            BigDecimal size = Wire.decimal(p, "openSize", pw);
            if (size.signum() == 0) {
                continue; // EdgeX keeps flat rows
            }
            String contractId = Wire.text(p, "contractId", pw);
            EdgexMarket m = markets.apply(contractId).orElseThrow(() -> new UnknownContract(contractId, pw));
            JsonNode asset = assets.get(contractId);
            BigDecimal entry = asset == null ? null
                    : Wire.optDecimal(asset, "avgEntryPrice", pw).filter(e -> e.signum() > 0).orElse(null);
            if (entry == null) {
                entry = Wire.decimal(p, "openValue", pw).divide(size, MathContext.DECIMAL64);
            }
            if (entry.signum() <= 0) {
                throw Wire.malformed(pw, m.symbol() + " entry price " + entry + " from openValue/openSize");
            }
            BigDecimal upnl = asset == null ? null : Wire.optDecimal(asset, "unrealizePnl", pw).orElse(null);
            // 0 (or below) means "no liquidation price" (e.g. fully collateralised): not a price.
            BigDecimal liq = asset == null ? null
                    : Wire.optDecimal(asset, "liquidatePrice", pw).filter(l -> l.signum() > 0).orElse(null);
            positions.add(new Position(Venue.EDGEX, m.symbol(), size, entry, upnl, liq, null));
        }
        return new AccountState(Venue.EDGEX, equity, available, positions, now);
    }

    // ---- orders --------------------------------------------------------------------------------------------------

    static List<OpenOrder> openOrders(JsonNode dataList, Function<String, Optional<EdgexMarket>> markets) {
        List<OpenOrder> out = new ArrayList<>();
        for (JsonNode o : dataList) {
            String where = "order";
            String contractId = Wire.text(o, "contractId", where);
            EdgexMarket m = markets.apply(contractId).orElseThrow(() -> new UnknownContract(contractId, where));
            BigDecimal size = Wire.decimal(o, "size", where);
            BigDecimal filled = Wire.optDecimal(o, "cumFillSize", where).orElse(BigDecimal.ZERO);
            out.add(new OpenOrder(Venue.EDGEX, m.symbol(), Wire.text(o, "id", where),
                    clientOrderId(Wire.optText(o, "clientOrderId").orElse("")), side(Wire.text(o, "side", where)),
                    Wire.decimal(o, "price", where), size.subtract(filled), reduceOnly(o, where)));
        }
        return out;
    }

    /** Our ids are numeric below 2^48; anything else (UI orders, SDK nanosecond ids) was not placed by us: 0. */
    /**
     * {@code reduceOnly} of an order row. The recorded V2 doc row of getActiveOrderPage omits it (only the v1 OpenAPI
     * lists it), so absent reads as false: the flag only labels an order we list or cancel, it sizes nothing.
     */
    private static boolean reduceOnly(JsonNode o, String where) {
        return o.hasNonNull("reduceOnly") && Wire.bool(o, "reduceOnly", where);
    }

    static long clientOrderId(String text) {
        if (text.isEmpty() || text.length() > 15 || !text.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        long v = Long.parseLong(text);
        return v >= 1 && v <= OrderRequest.MAX_CLIENT_ORDER_ID ? v : 0;
    }

    static OrderSide side(String text) {
        return switch (text) {
            case "BUY" -> OrderSide.BUY;
            case "SELL" -> OrderSide.SELL;
            default -> throw Wire.malformed("order", "unknown side " + text);
        };
    }

    // ---- funding payments ----------------------------------------------------------------------------------------

    /**
     * {@code SETTLE_FUNDING_FEE} position transactions. {@code deltaFundingFee} is the cash flow for the account
     * (negative = paid). Its sign is checked against rate × position: a long paying a positive rate must show a
     * non-positive flow. A contradiction means the sign convention is not what we assume, and we stop rather than
     * book income as cost.
     */
    static List<FundingPayment> fundingPayments(JsonNode dataList, Function<String, Optional<EdgexMarket>> markets) {
        List<FundingPayment> out = new ArrayList<>();
        for (JsonNode t : dataList) {
            String where = "positionTransaction";
            if (!"SETTLE_FUNDING_FEE".equals(Wire.text(t, "type", where))) {
                continue;
            }
            String contractId = Wire.text(t, "contractId", where);
            EdgexMarket m = markets.apply(contractId).orElseThrow(() -> new UnknownContract(contractId, where));
            BigDecimal rate = Wire.decimal(t, "fundingRate", where);
            BigDecimal size = Wire.decimal(t, "fundingPositionSize", where);
            BigDecimal amount = Wire.decimal(t, "deltaFundingFee", where);
            int expectedSign = -rate.signum() * size.signum();
            if (expectedSign != 0 && amount.signum() != 0 && amount.signum() != expectedSign) {
                throw Wire.malformed(where, m.symbol() + " deltaFundingFee " + amount.toPlainString()
                        + " has the wrong sign for rate " + rate.toPlainString() + " × size " + size.toPlainString());
            }
            out.add(new FundingPayment(Venue.EDGEX, m.symbol(), Wire.millis(t, "fundingTime", where), rate, size, amount));
        }
        return out;
    }

    /**
     * getFundingRatePage rows → quotes per the row's own interval, stamped with the settlement time, newest first.
     * Rows not flagged {@code isSettlement} are forecasts and are skipped.
     */
    static List<FundingQuote> settledFunding(JsonNode dataList, EdgexMarket market) {
        List<FundingQuote> out = new ArrayList<>();
        for (JsonNode row : dataList) {
            String where = "getFundingRatePage row of " + market.symbol();
            if (row.has("isSettlement") && !Wire.bool(row, "isSettlement", where)) {
                continue;
            }
            Duration interval = Wire.optText(row, "fundingRateIntervalMin").isPresent()
                    ? Duration.ofMinutes(Wire.integer(row, "fundingRateIntervalMin", where))
                    : market.spec().fundingInterval();
            out.add(new FundingQuote(Venue.EDGEX, market.symbol(), Wire.decimal(row, "fundingRate", where), interval,
                    Wire.millis(row, "fundingTime", where)));
        }
        out.sort(java.util.Comparator.comparing(FundingQuote::observedAt).reversed());
        return out;
    }
}
