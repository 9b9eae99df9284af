package io.perpcarry.venue.edgex;

import com.fasterxml.jackson.databind.JsonNode;
import io.perpcarry.crypto.edgex.EdgexContractSpec;
import io.perpcarry.crypto.edgex.EdgexDomain;
import io.perpcarry.crypto.edgex.EdgexSigningException;
import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contracts of one {@code getMetaData} answer (API v2). Evidence for every rule below: the recorded
 * {@code captures/edgex/GET_api_v2_public_meta_getMetaData.json} and docs/reference/edgex.md "Catalog".
 * <ul>
 *   <li>v2 contracts are {@code <BASE>USDC} with ids 300000xx and quote coin 1000 "USDC"; a contract is ours when its
 *       quote coin's {@code coinName} is the configured quote coin.</li>
 *   <li>Our symbol is the base coin's {@code coinName} ({@code coinList} by {@code baseCoinId}), never the contract
 *       name cut short: names can be non-ASCII ("哈基米USDC", base coin "HAJIMI").</li>
 *   <li>{@code enableTrade:false} or {@code enableDisplay:false}: known by id (a position on it still maps) but not
 *       offered. {@code enableOpenPosition:false}: offered with {@link MarketSpec#closedToOpening()} set, so that held
 *       positions stay readable and closable while ranking and opening leave it out.</li>
 *   <li>{@code fundingRateIntervalMin} per contract; resolution decimal for contracts, 0x-hex for coins (both
 *       accepted).</li>
 * </ul>
 * A contract whose fields do not parse is left out and named in {@link #problems()} (and logged): a broken listing
 * must not take the other markets down, and a position on it still fails loudly in {@code account()}.
 */
final class EdgexCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(EdgexCatalog.class);
    private final Map<String, EdgexMarket> bySymbol;
    private final Map<String, EdgexMarket> byContractId;
    private final Optional<EdgexDomain> domain;
    private final List<String> problems;
    private final Instant loadedAt;

    private EdgexCatalog(Map<String, EdgexMarket> bySymbol, Map<String, EdgexMarket> byContractId,
                         Optional<EdgexDomain> domain, List<String> problems, Instant loadedAt) {
        this.bySymbol = Collections.unmodifiableMap(bySymbol);
        this.byContractId = Collections.unmodifiableMap(byContractId);
        this.domain = domain;
        this.problems = List.copyOf(problems);
        this.loadedAt = loadedAt;
    }

    static EdgexCatalog parse(JsonNode data, String quoteCoin, Instant now) {
        String where = "getMetaData";
        JsonNode global = Wire.field(data, "global", where);
        List<String> problems = new ArrayList<>();
        Optional<EdgexDomain> domain = Optional.empty();
        Optional<String> chainId = Wire.optText(global, "nativeChainId").or(() -> Wire.optText(global, "chainId"));
        Optional<String> contract = Wire.optText(global, "contractAddress");
        if (chainId.isPresent() && contract.isPresent()) {
            try {
                domain = Optional.of(EdgexDomain.of(chainId.get(), contract.get()));
            } catch (RuntimeException e) {
                problems.add("global: EIP-712 domain unusable: " + e.getMessage());
            }
        } else {
            problems.add("global: nativeChainId/chainId or contractAddress missing; orders cannot be signed");
        }
        Map<String, JsonNode> coins = new LinkedHashMap<>();
        for (JsonNode c : Wire.array(data, "coinList", where)) {
            coins.put(Wire.text(c, "coinId", "coinList[]"), c);
        }
        Map<String, EdgexMarket> bySymbol = new LinkedHashMap<>();
        Map<String, EdgexMarket> byId = new LinkedHashMap<>();
        for (JsonNode c : Wire.array(data, "contractList", where)) {
            String name = Wire.optText(c, "contractName").orElse("?");
            try {
                JsonNode quote = coin(coins, c, "quoteCoinId", name);
                if (!quoteCoin.equals(Wire.text(quote, "coinName", "coin of " + name))) {
                    continue; // settled in another coin: not a market of ours
                }
                EdgexMarket m = market(c, name, coins, quote);
                byId.put(m.contractId(), m);
                if (m.tradable()) {
                    offer(bySymbol, m);
                }
            } catch (VenueException | IllegalArgumentException | EdgexSigningException e) {
                problems.add(name + ": " + e.getMessage());
            }
        }
        problems.forEach(p -> LOG.warn("EdgeX metadata: {}", p));
        if (byId.isEmpty()) {
            throw new VenueException(Venue.EDGEX, VenueErrorKind.MALFORMED_RESPONSE,
                    "getMetaData lists no usable contract quoted in " + quoteCoin + ": " + problems);
        }
        return new EdgexCatalog(bySymbol, byId, domain, problems, now);
    }

    /** One market per symbol; a contract open to new positions wins over one that is closed to them. */
    private static void offer(Map<String, EdgexMarket> bySymbol, EdgexMarket m) {
        EdgexMarket other = bySymbol.get(m.symbol());
        if (other == null || other.spec().closedToOpening() && !m.spec().closedToOpening()) {
            bySymbol.put(m.symbol(), m);
        } else if (!m.spec().closedToOpening() && !other.spec().closedToOpening()) {
            bySymbol.remove(m.symbol());
            throw new IllegalArgumentException("two tradable contracts for " + m.symbol() + ": "
                    + other.contractId() + " and " + m.contractId() + "; neither is offered");
        }
    }

    private static JsonNode coin(Map<String, JsonNode> coins, JsonNode contract, String key, String name) {
        String id = Wire.text(contract, key, "contract " + name);
        JsonNode coin = coins.get(id);
        if (coin == null) {
            throw Wire.malformed("contract " + name, key + " " + id + " is not in coinList");
        }
        return coin;
    }

    private static EdgexMarket market(JsonNode c, String name, Map<String, JsonNode> coins, JsonNode quote) {
        String where = "contract " + name;
        String symbol = Wire.text(coin(coins, c, "baseCoinId", name), "coinName", "base coin of " + name);
        String id = Wire.text(c, "contractId", where);
        String quoteCoinId = Wire.text(c, "quoteCoinId", where);
        BigDecimal taker = Wire.decimal(c, "defaultTakerFeeRate", where);
        BigDecimal maker = Wire.decimal(c, "defaultMakerFeeRate", where);
        // Absent flags are read as set: the v1 docs and every recorded v2 row carry all three.
        boolean trade = flag(c, "enableTrade", where);
        boolean display = flag(c, "enableDisplay", where);
        boolean open = flag(c, "enableOpenPosition", where);
        MarketSpec spec = MarketSpec.edgex(symbol, id, Wire.decimal(c, "tickSize", where),
                Wire.decimal(c, "stepSize", where), Wire.decimal(c, "minOrderSize", where), taker, maker,
                Wire.integer(c, "fundingRateIntervalMin", where), !open);
        EdgexContractSpec signing = EdgexContractSpec.of(id, quoteCoinId, Wire.text(c, "resolution", where),
                Wire.text(quote, "resolution", "coin " + quoteCoinId), taker.toPlainString(), maker.toPlainString());
        return new EdgexMarket(spec, name, signing,
                Wire.optDecimal(c, "maxOrderSize", where).orElse(null),
                Wire.decimal(c, "maxOrderBuyPriceRatio", where),
                Wire.decimal(c, "minOrderSellPriceRatio", where),
                trade && display);
    }

    private static boolean flag(JsonNode c, String name, String where) {
        return c.hasNonNull(name) ? Wire.bool(c, name, where) : true;
    }

    /** Offered markets by our symbol (enableTrade and enableDisplay), including those closed to opening. */
    Map<String, EdgexMarket> markets() {
        return bySymbol;
    }

    Optional<EdgexMarket> bySymbol(String symbol) {
        return Optional.ofNullable(bySymbol.get(symbol));
    }

    /** Any listed contract, tradable or not (positions and orders may sit on a disabled one). */
    Optional<EdgexMarket> byContractId(String contractId) {
        return Optional.ofNullable(byContractId.get(contractId));
    }

    Optional<EdgexDomain> domain() {
        return domain;
    }

    List<String> problems() {
        return problems;
    }

    Instant loadedAt() {
        return loadedAt;
    }
}
