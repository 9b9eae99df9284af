package io.perpcarry.venue.edgex;

import com.fasterxml.jackson.databind.JsonNode;
import io.perpcarry.crypto.edgex.EdgexContractSpec;
import io.perpcarry.crypto.edgex.EdgexDomain;
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
 * The contracts of one {@code getMetaData} answer. Contracts are found by name = symbol + quote ("BTCUSD" → "BTC");
 * names with another suffix are not ours and are left out. A contract whose fields do not parse is left out and
 * named in {@link #problems()} (and logged): a broken listing must not take the other markets down, and a
 * position on it still fails loudly in {@code account()} because its id is unknown.
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

    static EdgexCatalog parse(JsonNode data, String quoteSuffix, Instant now) {
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
            if (!name.endsWith(quoteSuffix) || name.length() == quoteSuffix.length()) {
                continue;
            }
            try {
                EdgexMarket m = market(c, name.substring(0, name.length() - quoteSuffix.length()), coins);
                byId.put(m.contractId(), m);
                if (m.tradable()) {
                    EdgexMarket clash = bySymbol.put(m.symbol(), m);
                    if (clash != null) {
                        throw new IllegalArgumentException("two tradable contracts for " + m.symbol() + ": "
                                + clash.contractId() + " and " + m.contractId());
                    }
                }
            } catch (VenueException | IllegalArgumentException e) {
                problems.add(name + ": " + e.getMessage());
            }
        }
        problems.forEach(p -> LOG.warn("EdgeX metadata: {}", p));
        if (byId.isEmpty()) {
            throw new VenueException(Venue.EDGEX, VenueErrorKind.MALFORMED_RESPONSE,
                    "getMetaData lists no usable *" + quoteSuffix + " contract: " + problems);
        }
        return new EdgexCatalog(bySymbol, byId, domain, problems, now);
    }

    private static EdgexMarket market(JsonNode c, String symbol, Map<String, JsonNode> coins) {
        String where = "contract " + symbol;
        String id = Wire.text(c, "contractId", where);
        String quoteCoinId = Wire.text(c, "quoteCoinId", where);
        JsonNode quote = coins.get(quoteCoinId);
        if (quote == null) {
            throw Wire.malformed(where, "quote coin " + quoteCoinId + " is not in coinList");
        }
        BigDecimal taker = Wire.decimal(c, "defaultTakerFeeRate", where);
        BigDecimal maker = Wire.decimal(c, "defaultMakerFeeRate", where);
        MarketSpec spec = MarketSpec.edgex(symbol, id, Wire.decimal(c, "tickSize", where),
                Wire.decimal(c, "stepSize", where), Wire.decimal(c, "minOrderSize", where), taker, maker,
                Wire.integer(c, "fundingRateIntervalMin", where));
        EdgexContractSpec signing = EdgexContractSpec.of(id, quoteCoinId, Wire.text(c, "resolution", where),
                Wire.text(quote, "resolution", "coin " + quoteCoinId), taker.toPlainString(), maker.toPlainString());
        boolean tradable = Wire.optText(c, "enableTrade").map(Boolean::parseBoolean).orElse(true);
        return new EdgexMarket(spec, Wire.text(c, "contractName", where), signing,
                Wire.optDecimal(c, "maxOrderSize", where).orElse(null),
                Wire.decimal(c, "maxOrderBuyPriceRatio", where),
                Wire.decimal(c, "minOrderSellPriceRatio", where),
                tradable);
    }

    /** Tradable markets by our symbol. */
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
