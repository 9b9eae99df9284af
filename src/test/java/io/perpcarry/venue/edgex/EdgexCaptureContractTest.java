package io.perpcarry.venue.edgex;

import static io.perpcarry.testing.Captures.entry;
import static io.perpcarry.testing.Captures.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.domain.FundingQuote;
import io.perpcarry.venue.AccountState;
import io.perpcarry.venue.OpenOrder;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import io.perpcarry.testing.Captures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import io.perpcarry.venue.common.LocalOrderBook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Contract tests: every EdgeX mapper over every recorded payload of its endpoint or channel
 * ({@code src/test/resources/captures/edgex/}, provenance in captures/README.md), asserting the domain values. V2
 * payloads must map; V1-era payloads (ids 10000xxx, names *USDT/*USD, starkEx* keys) are asserted refused where our
 * v2 rules refuse them (metadata quoted in USDT) and mapped where the mapper does not depend on the era (a ticker or
 * funding row is id-agnostic).
 */
class EdgexCaptureContractTest {
    static final Instant NOW = Instant.parse("2026-09-28T09:00:00Z");
    static final String V = "edgex";

    static JsonNode data(JsonNode envelopeOrData) {
        return envelopeOrData.has("code") ? envelopeOrData.get("data") : envelopeOrData;
    }

    /** The live-valued V2 getMetaData row (perp_dex fixture): NVDAUSDC 30000020, coins 1000 USDC and 1020 NVDA. */
    static ObjectNode v2Meta() {
        return (ObjectNode) response(entry(V, "GET_api_v2_public_meta_getMetaData.json", "test mock", null)).deepCopy();
    }

    static EdgexCatalog catalog(JsonNode meta) {
        return EdgexCatalog.parse(meta, "USDC", NOW);
    }

    /** The NVDA market of the recording, used to map rows whose ids the recordings do not share. */
    static EdgexMarket nvda() {
        return catalog(v2Meta()).bySymbol("NVDA").orElseThrow();
    }

    static Function<String, Optional<EdgexMarket>> anyIdIs(EdgexMarket m) {
        return id -> Optional.of(m);
    }

    // ---- getMetaData ---------------------------------------------------------------------------------------------

    @Test
    void v2MetadataMapsTheRecordedContract() {
        EdgexCatalog c = catalog(v2Meta());
        EdgexMarket m = c.bySymbol("NVDA").orElseThrow(); // from coinList[baseCoinId 1020].coinName
        assertThat(m.contractId()).isEqualTo("30000020");
        assertThat(m.contractName()).isEqualTo("NVDAUSDC");
        assertThat(m.spec().priceTick()).isEqualByComparingTo("0.01");
        assertThat(m.spec().sizeStep()).isEqualByComparingTo("0.01");
        assertThat(m.spec().minBaseSize()).isEqualByComparingTo("0.2");
        assertThat(m.maxOrderSize()).isEqualByComparingTo("300");
        assertThat(m.spec().takerFeeRate()).isEqualByComparingTo("0.00045");
        assertThat(m.spec().makerFeeRate()).isEqualByComparingTo("0.0004");
        assertThat(m.spec().fundingInterval()).isEqualTo(Duration.ofMinutes(240));
        assertThat(m.buyBandRatio()).isEqualByComparingTo("0.2");
        assertThat(m.sellBandRatio()).isEqualByComparingTo("0.2");
        assertThat(m.spec().closedToOpening()).isFalse();
        assertThat(m.tradable()).isTrue();
        assertThat(m.signing().quoteCoinId()).isEqualTo(1000);
        assertThat(m.signing().quoteResolution()).isEqualTo(1_000_000); // coin: hex "0xf4240"
        assertThat(m.signing().contractResolution()).isEqualTo(1_000_000_000); // contract: decimal "1000000000"
        // The fixture trimmed global: no chain id, so orders could not be signed — named, not hidden.
        assertThat(c.domain()).isEmpty();
        assertThat(c.problems()).anyMatch(p -> p.contains("nativeChainId"));
    }

    @Test
    void v1MetadataQuotedInUsdtIsNotOurs() {
        JsonNode v1 = data(response(entry(V, "GET_api_v2_public_meta_getMetaData.json", "doc example", null)));
        assertThat(v1.at("/contractList/0/contractName").asText()).isEqualTo("BTCUSDT");
        VenueException e = catchThrowableOfType(() -> catalog(v1), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("USDC");
    }

    @Test
    void closedToOpeningIsOfferedButFlaggedHiddenIsKnownOnly() {
        ObjectNode meta = v2Meta();
        ObjectNode nvda = (ObjectNode) meta.get("contractList").get(0);
        nvda.put("enableOpenPosition", false);
        EdgexMarket closed = catalog(meta).bySymbol("NVDA").orElseThrow();
        assertThat(closed.spec().closedToOpening()).isTrue();

        nvda.put("enableOpenPosition", true).put("enableDisplay", false);
        EdgexCatalog hidden = catalog(meta);
        assertThat(hidden.markets()).isEmpty();
        assertThat(hidden.byContractId("30000020")).isPresent(); // a held position still maps
    }

    @Test
    void nonAsciiContractNameTakesItsSymbolFromTheBaseCoin() {
        ObjectNode meta = v2Meta();
        ObjectNode c = ((ObjectNode) meta.get("contractList").get(0).deepCopy())
                .put("contractId", "30000099").put("contractName", "哈基米USDC").put("baseCoinId", "1099");
        ((ArrayNode) meta.get("contractList")).add(c);
        ((ArrayNode) meta.get("coinList")).addObject().put("coinId", "1099").put("coinName", "HAJIMI")
                .putNull("assetId").putNull("resolution");
        EdgexMarket m = catalog(meta).bySymbol("HAJIMI").orElseThrow();
        assertThat(m.contractName()).isEqualTo("哈基米USDC");
        assertThat(m.contractId()).isEqualTo("30000099");
    }

    /** Each field the catalog reads, renamed in the recording: the contract is refused (named), never guessed. */
    @ParameterizedTest
    @ValueSource(strings = {"contractId", "baseCoinId", "quoteCoinId", "tickSize", "stepSize", "minOrderSize",
            "defaultTakerFeeRate", "defaultMakerFeeRate", "fundingRateIntervalMin", "resolution",
            "maxOrderBuyPriceRatio", "minOrderSellPriceRatio"})
    void aRenamedMetadataFieldRefusesTheContract(String field) {
        ObjectNode meta = v2Meta();
        ObjectNode nvda = (ObjectNode) meta.get("contractList").get(0);
        nvda.set(field + "Renamed", nvda.remove(field));
        assertThat(catchThrowableOfType(() -> catalog(meta), VenueException.class).getMessage()).contains(field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"enableTrade", "enableDisplay", "enableOpenPosition"})
    void aRetypedFlagRefusesTheContract(String flag) {
        ObjectNode meta = v2Meta();
        ((ObjectNode) meta.get("contractList").get(0)).put(flag, 1);
        assertThat(catchThrowableOfType(() -> catalog(meta), VenueException.class).getMessage()).contains(flag);
    }

    // ---- getTicker / ticker.* ------------------------------------------------------------------------------------

    @Test
    void recordedRestTickersMap() {
        Map<String, EdgexMapper.Ticker> t = EdgexMapper.tickers(
                response(entry(V, "GET_api_v2_public_quote_getTicker.json", "test mock", null)), NOW);
        assertThat(t.get("30000020").oraclePrice()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("224.025606310472291561"));
        assertThat(t.get("30000020").volume24hQuote()).isEqualByComparingTo("518556.6254");
        assertThat(t.get("30000162").oraclePrice()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("1.137526545483419604"));
        assertThat(t.get("30000162").volume24hQuote()).isZero();
        // testnet V2 row without oraclePrice: mapped with no oracle (cannot be priced), not an error
        Map<String, EdgexMapper.Ticker> testnet = EdgexMapper.tickers(data(response(entry(V,
                "GET_api_v2_public_quote_getTicker.json", "live capture", null))), NOW);
        assertThat(testnet.get("10000001").oraclePrice()).isEmpty();
        assertThat(testnet.get("10000001").volume24hQuote()).isEqualByComparingTo("3006471.2907");
        // V1 doc row: the mapper is id-agnostic
        Map<String, EdgexMapper.Ticker> v1 = EdgexMapper.tickers(data(response(entry(V,
                "GET_api_v2_public_quote_getTicker.json", "doc example", null))), NOW);
        assertThat(v1.get("10000001").oraclePrice()).isPresent();
    }

    @Test
    void recordedWsTickerFramesMapIncludingChangedFramesAndBareContracts() {
        List<EdgexMapper.Ticker> out = new ArrayList<>();
        for (Captures.Entry e : Captures.entries(V, "ws_ticker.json")) {
            JsonNode r = response(e);
            if (r.isArray() && r.size() > 0 && r.get(0).has("type")) {
                for (JsonNode f : r) {
                    if (f.path("type").asText().equals("quote-event")) {
                        f.at("/content/data").forEach(d -> out.add(EdgexMapper.ticker(d, NOW)));
                    }
                }
            } else {
                r.forEach(d -> out.add(EdgexMapper.ticker(d, NOW)));
            }
        }
        assertThat(out).extracting(EdgexMapper.Ticker::contractId).contains("30000020", "30000001", "30000162");
        EdgexMapper.Ticker eur = out.stream().filter(t -> t.contractId().equals("30000162")).findFirst().orElseThrow();
        assertThat(eur.oraclePrice()).isEmpty(); // trimmed live record of an illiquid contract
        EdgexMapper.Ticker btc = out.stream().filter(t -> t.contractId().equals("30000001")).findFirst().orElseThrow();
        assertThat(btc.oraclePrice()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("79025.030809853284955708"));
    }

    // ---- funding ---------------------------------------------------------------------------------------------------

    @Test
    void recordedLatestFundingRowsRankTheForecastPerTheRowsInterval() {
        EdgexMarket m = nvda();
        Map<String, FundingQuote> doc = EdgexMapper.fundingQuotes(data(response(entry(V,
                "GET_api_v2_public_funding_getLatestFundingRate.json", "doc example", null))), anyIdIs(m), NOW);
        assertThat(doc.get("NVDA").rate()).isEqualByComparingTo("-0.00012293"); // forecastFundingRate, not fundingRate
        assertThat(doc.get("NVDA").interval()).isEqualTo(Duration.ofMinutes(240));
        Map<String, FundingQuote> testnet = EdgexMapper.fundingQuotes(data(response(entry(V,
                "GET_api_v2_public_funding_getLatestFundingRate.json", "live capture", null))), anyIdIs(m), NOW);
        assertThat(testnet.get("NVDA").rate()).isEqualByComparingTo("0.00000208");
        assertThat(testnet.get("NVDA").interval()).isEqualTo(Duration.ofMinutes(10)); // testnet interval, read not assumed
    }

    @Test
    void aSettlementRowWithoutForecastIsLeftOutAndNamed() {
        JsonNode page = data(response(entry(V, "GET_api_v2_public_funding_getFundingRatePage.json", "doc example", null)));
        List<String> noForecast = new ArrayList<>();
        assertThat(EdgexMapper.fundingQuotes(page.get("dataList"), anyIdIs(nvda()), NOW, noForecast)).isEmpty();
        assertThat(noForecast).containsExactly("NVDA");
    }

    @Test
    void recordedSettledFundingPageMaps() {
        JsonNode page = data(response(entry(V, "GET_api_v2_public_funding_getFundingRatePage.json", "doc example", null)));
        List<FundingQuote> rows = EdgexMapper.settledFunding(page.get("dataList"), nvda());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).rate()).isEqualByComparingTo("0.00005");
        assertThat(rows.get(0).observedAt()).isEqualTo(Instant.ofEpochMilli(1733702400000L));
        assertThat(page.get("nextPageOffsetData").asText()).isEqualTo("0880A08A97B532");
    }

    @Test
    void aRenamedForecastFieldIsMalformed() {
        ObjectNode row = (ObjectNode) data(response(entry(V, "GET_api_v2_public_funding_getLatestFundingRate.json",
                "doc example", null))).get(0).deepCopy();
        row.set("forecastRate", row.remove("forecastFundingRate"));
        ArrayNode rows = Captures.mapper().createArrayNode().add(row);
        assertThat(catchThrowableOfType(() -> EdgexMapper.fundingQuotes(rows, anyIdIs(nvda()), NOW),
                VenueException.class).kind()).isEqualTo(VenueErrorKind.MALFORMED_RESPONSE);
    }

    // ---- depth -----------------------------------------------------------------------------------------------------

    @Test
    void recordedRestDepthMaps() {
        JsonNode d = data(response(entry(V, "GET_api_v2_public_quote_getDepth.json", "test mock", null)));
        EdgexMapper.Depth depth = EdgexMapper.depth(d.isArray() ? d.get(0) : d);
        assertThat(depth.snapshot()).isTrue();
        assertThat(depth.bids()).isNotEmpty();
        assertThat(depth.asks()).isNotEmpty();
        assertThat(depth.bids().get(0).price()).isLessThan(depth.asks().get(0).price());
    }

    @Test
    void recordedLiveDepthFramesChainWithoutAGap() {
        JsonNode frames = response(entry(V, "ws_depth.json", "live capture", null));
        LocalOrderBook book = new LocalOrderBook(io.perpcarry.domain.Venue.EDGEX, "BTC",
                io.perpcarry.venue.common.BookSequence.EDGEX_VERSION);
        List<LocalOrderBook.Outcome> applied = new ArrayList<>();
        for (JsonNode f : frames) {
            if (!f.path("type").asText().equals("quote-event")) {
                continue;
            }
            for (JsonNode d : f.at("/content/data")) {
                assertThat(EdgexMapper.depth(d).contractId()).isEqualTo("30000001");
            }
            for (io.perpcarry.venue.common.BookDelta delta : EdgexStreams.depthDeltas(f.get("content"), "recorded")) {
                applied.add(book.apply(delta, NOW));
            }
        }
        // snapshot, changed 1 and 2 chain (startVersion == previous endVersion); the recording then omits the 3rd
        // of 9 changed frames (notes), so the 4th shows a real gap, which the book must see.
        assertThat(applied).containsExactly(LocalOrderBook.Outcome.APPLIED, LocalOrderBook.Outcome.APPLIED,
                LocalOrderBook.Outcome.APPLIED, LocalOrderBook.Outcome.GAP);
        JsonNode empty = response(entry(V, "ws_depth.json", "test mock", null));
        EdgexMapper.Depth heartbeat = EdgexMapper.depth(empty.at("/content/data/0"));
        assertThat(heartbeat.bids()).isEmpty();
        assertThat(heartbeat.asks()).isEmpty();
        assertThat(heartbeat.snapshot()).isFalse();
    }

    // ---- envelope and errors -------------------------------------------------------------------------------------

    @Test
    void recordedErrorEnvelopeKeepsTheVenueCode() {
        JsonNode errors = response(entry(V, "errors.json", "test mock", null));
        VenueException e = catchThrowableOfType(() -> Wire.data("/api/v2/public/quote/getDepth", errors.get(1).toString()),
                VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.REJECTED);
        assertThat(e.venueCode()).contains("INVALID_DEPTH_LEVEL");
        assertThat(Wire.data("/p", errors.get(2).toString())).isEmpty(); // SUCCESS with []
        assertThat(catchThrowableOfType(() -> Wire.data("/x", errors.get(3).toString()), VenueException.class).kind())
                .isEqualTo(VenueErrorKind.MALFORMED_RESPONSE); // Spring 404 page: no envelope
        // The same envelope quoted by the HTTP layer after a 400 keeps its code.
        VenueException http400 = new VenueException(io.perpcarry.domain.Venue.EDGEX, VenueErrorKind.REJECTED,
                "/api/v2/public/quote/getDepth HTTP 400: " + errors.get(1), "400", null, null);
        assertThat(EdgexRest.withEnvelopeCode(http400).venueCode()).contains("INVALID_DEPTH_LEVEL");
    }

    // ---- private ---------------------------------------------------------------------------------------------------

    @Test
    void recordedAccountAssetDocExampleMaps() {
        JsonNode d = data(response(entry(V, "GET_api_v2_private_account_getAccountAsset.json", "doc example", null)));
        AccountState a = EdgexMapper.account(d, "1000", anyIdIs(nvda()), NOW);
        assertThat(a.equity()).isNotNull();
    }

    @Test
    void recordedActiveOrdersMap() {
        JsonNode d = data(response(entry(V, "GET_api_v2_private_order_getActiveOrderPage.json", "doc example", null)));
        List<OpenOrder> orders = EdgexMapper.openOrders(d.get("dataList"), anyIdIs(nvda()));
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).remainingSize()).isEqualByComparingTo("0.001");
        assertThat(orders.get(0).price()).isEqualByComparingTo("97444.5");
    }

    @Test
    void recordedFillRowsAreNotFundingPayments() {
        JsonNode d = data(response(entry(V, "GET_api_v2_private_account_getPositionTransactionPage.json", "doc example", null)));
        assertThat(EdgexMapper.fundingPayments(d.get("dataList"), anyIdIs(nvda()))).isEmpty();
    }

    @Test
    void recordedCreateOrderAnswerCarriesTheOrderId() {
        for (Captures.Entry e : Captures.entries(V, "POST_api_v2_private_order_createOrder.json")) {
            JsonNode r = response(e);
            if (r != null && r.has("code")) {
                assertThat(Wire.text(Wire.data("createOrder", r.toString()), "orderId", "createOrder")).matches("\\d+");
            }
        }
    }

    @Test
    void recordedCancelAnswerMapsIdToSuccess() {
        JsonNode r = response(entry(V, "POST_api_v2_private_order_cancelOrderById.json", "live capture", null));
        JsonNode data = Wire.data("cancelOrderById", r.toString());
        data.path("cancelResultMap").fields().forEachRemaining(f -> assertThat(f.getValue().asText()).isEqualTo("SUCCESS"));
        assertThat(data.path("cancelResultMap").size()).isPositive();
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }
}
