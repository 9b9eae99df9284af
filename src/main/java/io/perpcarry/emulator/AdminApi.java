package io.perpcarry.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.emulator.engine.AccountSnapshot;
import io.perpcarry.emulator.engine.Exchange;
import io.perpcarry.emulator.engine.FundingEstimate;
import io.perpcarry.emulator.engine.MarketEngine;
import io.perpcarry.emulator.engine.Position;
import io.perpcarry.emulator.engine.VenueMarket;
import io.perpcarry.emulator.scenario.JsonReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code /_emulator/*} operations, without HTTP: each wire layer mounts them on its own port. Bodies and
 * answers are Jackson trees; a bad body throws {@link AdminRequestException} (answer 400 with its message).
 * <ul>
 *   <li>{@code GET /_emulator/requests} → {@link #requests()}; {@code DELETE} → {@link #clearRequests()}</li>
 *   <li>{@code GET /_emulator/faults} → {@link #faults()}; {@code POST} → {@link #applyFaults(JsonNode)};
 *       {@code DELETE} → {@link #clearFaults()}</li>
 *   <li>{@code POST /_emulator/price} → {@link #setPrice(JsonNode)}</li>
 *   <li>{@code POST /_emulator/funding} → {@link #setFunding(JsonNode)}</li>
 *   <li>{@code POST /_emulator/book} → {@link #freezeBook(JsonNode)}</li>
 *   <li>{@code GET /_emulator/state} → {@link #state()}</li>
 *   <li>{@code GET /_emulator/execution} → {@link #execution()}; {@code POST} → {@link #setExecution(JsonNode)}</li>
 * </ul>
 */
public final class AdminApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MarketEngine engine;
    private final FaultPlan faults;
    private final RequestLog requests;

    public AdminApi(MarketEngine engine, FaultPlan faults, RequestLog requests) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.faults = Objects.requireNonNull(faults, "faults");
        this.requests = Objects.requireNonNull(requests, "requests");
    }

    /** {@code {"dropped": n, "requests": [{sequence, arrivalNanos, wallTime, venue, method, path, txType, side, clientOrderId}]}} */
    public JsonNode requests() {
        ObjectNode out = JSON.createObjectNode();
        out.put("dropped", requests.dropped());
        ArrayNode list = out.putArray("requests");
        for (LoggedRequest r : requests.list()) {
            ObjectNode n = list.addObject();
            n.put("sequence", r.sequence());
            n.put("arrivalNanos", r.arrivalNanos());
            n.put("wallTime", r.wallTime().toString());
            n.put("venue", r.venue().name());
            n.put("method", r.method());
            n.put("path", r.path());
            if (r.txType() == null) {
                n.putNull("txType");
            } else {
                n.put("txType", r.txType());
            }
            n.put("side", r.side());
            n.put("clientOrderId", r.clientOrderId());
        }
        return out;
    }

    public JsonNode clearRequests() {
        requests.clear();
        return requests();
    }

    /** {@code {"faults": [...], "clockSkewMs": {"LIGHTER": 0, "EDGEX": 0}}}. */
    public JsonNode faults() {
        ObjectNode out = JSON.createObjectNode();
        out.set("faults", FaultJson.toJson(faults.list()));
        out.set("clockSkewMs", clockSkew());
        return out;
    }

    private ObjectNode clockSkew() {
        ObjectNode skew = JSON.createObjectNode();
        for (VenueId v : VenueId.values()) {
            skew.put(v.name(), faults.clockSkewMs(v));
        }
        return skew;
    }

    /**
     * Body: {@code {"faults": [fault, ...], "replace": false}} or a bare array, in {@link FaultJson} form.
     * {@code "replace": true} clears existing faults first. FREEZE_BOOK faults freeze the matched symbol's book
     * on the fault's venue (both when no venue) at once and are not stored; unfreeze with {@link #freezeBook}.
     * CLOCK_SKEW faults set the venue's (both when no venue) wall clock off by skewMs at once and are not stored;
     * skewMs 0 or clearing the faults sets it right.
     * Nothing is applied when any fault is invalid. Returns the stored faults.
     */
    public JsonNode applyFaults(JsonNode body) {
        JsonNode array = body != null && body.isObject() ? body.get("faults") : body;
        boolean replace = body != null && body.isObject() && body.path("replace").asBoolean(false);
        List<String> problems = new ArrayList<>();
        List<Fault> parsed = FaultJson.parseList(array, "faults", problems);
        for (Fault f : parsed) {
            if (f.kind() == FaultKind.FREEZE_BOOK && engine.scenario().market(f.match().symbol()).isEmpty()) {
                problems.add("faults: FREEZE_BOOK for unknown symbol " + f.match().symbol());
            }
        }
        if (!problems.isEmpty()) {
            throw new AdminRequestException(String.join("; ", problems));
        }
        if (replace) {
            faults.clear();
        }
        for (Fault f : parsed) {
            List<VenueId> venues = f.venue() == null ? List.of(VenueId.values()) : List.of(f.venue());
            if (f.kind() == FaultKind.FREEZE_BOOK) {
                venues.forEach(venue -> engine.freezeBook(venue, f.match().symbol(), true));
            } else {
                faults.add(f);
            }
        }
        return faults();
    }

    public JsonNode clearFaults() {
        faults.clear();
        return faults();
    }

    /** Body: {@code {"symbol": "BTC", "price": "94000"}} or {@code {"symbol": "BTC", "shockPct": "-5"}}. */
    public JsonNode setPrice(JsonNode body) {
        JsonReader r = reader(body, Set.of("symbol", "price", "shockPct"));
        String symbol = knownSymbol(r);
        if (r.has("price") == r.has("shockPct")) {
            r.problem("price", "give exactly one of price and shockPct");
        }
        BigDecimal price = r.has("price") ? r.positive("price") : null;
        BigDecimal shock = r.has("shockPct") ? r.decimal("shockPct") : null;
        if (shock != null && shock.compareTo(new BigDecimal("-99")) < 0) {
            r.problem("shockPct", "must be above -99");
        }
        failOnProblems(r);
        if (price != null) {
            engine.setMid(symbol, price);
        } else {
            engine.shock(symbol, shock);
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("symbol", symbol);
        out.put("indexPrice", engine.indexPrice(symbol).toPlainString());
        return out;
    }

    /** Body: {@code {"venue": "LIGHTER", "symbol": "BTC", "rate": "0.0004"}} (native unit of the venue). */
    public JsonNode setFunding(JsonNode body) {
        JsonReader r = reader(body, Set.of("venue", "symbol", "rate"));
        VenueId venue = r.enumValue("venue", VenueId.class);
        String symbol = knownSymbol(r);
        BigDecimal rate = r.decimal("rate");
        if (rate != null && rate.abs().compareTo(new BigDecimal("0.05")) > 0) {
            r.problem("rate", "is a fraction per funding period; must be within ±0.05");
        }
        failOnProblems(r);
        engine.setFundingRate(venue, symbol, rate);
        return estimate(engine.venue(venue).funding(symbol));
    }

    /** Body: {@code {"venue": "EDGEX", "symbol": "BTC", "frozen": true}}; venue omitted = both. */
    public JsonNode freezeBook(JsonNode body) {
        JsonReader r = reader(body, Set.of("venue", "symbol", "frozen"));
        VenueId venue = r.has("venue") ? r.enumValue("venue", VenueId.class) : null;
        String symbol = knownSymbol(r);
        JsonNode frozen = r.raw("frozen");
        if (frozen == null || !frozen.isBoolean()) {
            r.problem("frozen", "must be true or false");
        }
        failOnProblems(r);
        for (VenueId v : venue == null ? List.of(VenueId.values()) : List.of(venue)) {
            engine.freezeBook(v, symbol, frozen.booleanValue());
        }
        return state();
    }

    /**
     * Body: {@code {"venue": "LIGHTER", "latencyMs": 2000, "jitterMs": 100}}: the venue acknowledges orders at once
     * and executes them after latency + uniform[0, jitter] wall-clock ms (0/0 = inside the request). Only Lighter
     * acks before executing; EdgeX answers after matching, so it is refused there.
     */
    public JsonNode setExecution(JsonNode body) {
        JsonReader r = reader(body, Set.of("venue", "latencyMs", "jitterMs"));
        VenueId venue = r.enumValue("venue", VenueId.class);
        Integer latency = r.intIn("latencyMs", 0, 600_000);
        Integer jitter = r.has("jitterMs") ? r.intIn("jitterMs", 0, 600_000) : Integer.valueOf(0);
        if (venue == VenueId.EDGEX) {
            r.problem("venue", "EdgeX answers createOrder after matching; only LIGHTER has an execution latency");
        }
        failOnProblems(r);
        engine.venue(venue).executionLatency().set(latency, jitter);
        return execution();
    }

    /** {@code {"LIGHTER": {"latencyMs": n, "jitterMs": n}, ...}}. */
    public JsonNode execution() {
        ObjectNode out = JSON.createObjectNode();
        for (VenueId v : VenueId.values()) {
            var l = engine.venue(v).executionLatency();
            out.putObject(v.name()).put("latencyMs", l.latencyMs()).put("jitterMs", l.jitterMs());
        }
        return out;
    }

    /** Simulation time, per market index price, and per venue: marks, funding estimates, accounts. */
    public JsonNode state() {
        engine.sync();
        ObjectNode out = JSON.createObjectNode();
        out.put("simulationTime", engine.simulationTime().toString());
        out.put("startTime", engine.startTime().toString());
        out.put("timeScale", engine.scenario().timeScale());
        out.put("marketTime", engine.clock().instant().toString()); // the market clock now, between steps too
        ObjectNode index = out.putObject("indexPrices");
        engine.scenario().markets().forEach(m -> index.put(m.symbol(), engine.indexPrice(m.symbol()).toPlainString()));
        ObjectNode venues = out.putObject("venues");
        for (VenueId venueId : VenueId.values()) {
            Exchange ex = engine.venue(venueId);
            ObjectNode v = venues.putObject(venueId.name());
            ObjectNode markets = v.putObject("markets");
            for (VenueMarket m : ex.markets()) {
                ObjectNode mn = markets.putObject(m.symbol());
                var book = ex.book(m.symbol(), 1);
                mn.put("venueMarketId", m.venueMarketId());
                mn.put("markPrice", ex.stats(m.symbol()).markPrice().toPlainString());
                mn.put("bestBid", book.bestBid() == null ? null : book.bestBid().toPlainString());
                mn.put("bestAsk", book.bestAsk() == null ? null : book.bestAsk().toPlainString());
                mn.put("bookFrozen", book.frozen());
                mn.set("funding", estimate(ex.funding(m.symbol())));
            }
            ArrayNode accounts = v.putArray("accounts");
            for (long id : ex.accountIds()) {
                accounts.add(account(ex.account(id)));
            }
        }
        out.set("faults", FaultJson.toJson(faults.list()));
        out.set("clockSkewMs", clockSkew());
        return out;
    }

    private static ObjectNode estimate(FundingEstimate e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("symbol", e.symbol());
        n.put("rate", e.rate().toPlainString());
        n.put("ratePeriodMinutes", e.ratePeriodMinutes());
        n.put("settlementMinutes", e.settlementMinutes());
        n.put("ratePerSettlement", e.ratePerSettlement().toPlainString());
        n.put("nextFundingTime", e.nextFundingTime().toString());
        return n;
    }

    private static ObjectNode account(AccountSnapshot a) {
        ObjectNode n = JSON.createObjectNode();
        n.put("accountId", a.accountId());
        n.put("collateral", a.collateral().toPlainString());
        n.put("equity", a.equity().toPlainString());
        n.put("availableBalance", a.availableBalance().toPlainString());
        n.put("marginRatio", a.marginRatio().toPlainString());
        n.put("openOrders", a.openOrderCount());
        ArrayNode positions = n.putArray("positions");
        for (Position p : a.positions()) {
            ObjectNode pn = positions.addObject();
            pn.put("symbol", p.symbol());
            pn.put("size", p.size().toPlainString());
            pn.put("avgEntryPrice", p.avgEntryPrice().toPlainString());
            pn.put("unrealizedPnl", p.unrealizedPnl().toPlainString());
            pn.put("fundingNet", p.fundingNet().toPlainString());
            pn.put("liquidationPrice", p.liquidationPrice() == null ? null : p.liquidationPrice().toPlainString());
        }
        return n;
    }

    private JsonReader reader(JsonNode body, Set<String> known) {
        if (body == null || !body.isObject()) {
            throw new AdminRequestException("the body must be a JSON object");
        }
        JsonReader r = new JsonReader(body, "", new ArrayList<>());
        r.rejectUnknown(known);
        return r;
    }

    private String knownSymbol(JsonReader r) {
        String symbol = r.string("symbol");
        if (symbol != null && engine.scenario().market(symbol).isEmpty()) {
            r.problem("symbol", "unknown market " + symbol);
        }
        return symbol;
    }

    private static void failOnProblems(JsonReader r) {
        if (!r.problems().isEmpty()) {
            throw new AdminRequestException(String.join("; ", r.problems()));
        }
    }
}
