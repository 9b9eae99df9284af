package io.perpcarry.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.emulator.scenario.FundingPathKind;
import io.perpcarry.emulator.scenario.MarketSpec;
import io.perpcarry.emulator.scenario.Scenario;
import io.perpcarry.emulator.scenario.ScenarioException;
import io.perpcarry.emulator.scenario.ScenarioLoader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void demoScenarioLoadsWithRealisticMarketsAndAccounts() {
        Scenario s = TestScenarios.demo();
        assertThat(s.markets()).extracting(MarketSpec::symbol).contains("BTC", "ETH", "SOL");
        assertThat(s.market("BTC").orElseThrow().startPrice()).isEqualByComparingTo("95000");
        assertThat(s.market("ETH").orElseThrow().startPrice()).isEqualByComparingTo("3400");
        assertThat(s.market("BTC").orElseThrow().edgex().fundingRateIntervalMin()).isEqualTo(240);
        assertThat(s.lighterAccounts()).isNotEmpty();
        assertThat(s.edgexAccounts()).isNotEmpty();
        assertThat(s.timeScale()).isEqualTo(60.0);
        assertThat(s.step()).isEqualTo(Duration.ofSeconds(1));
    }

    /**
     * Carry: short the venue with the higher rate, long the other. Net APR assumes the bot's default 8 h hold:
     * one open and one close per leg per hold, all taker.
     */
    @Test
    void demoHasAMarketWhoseFundingSpreadClearsFivePercentNetAprAfterFees() {
        Scenario s = TestScenarios.demo();
        BigDecimal best = s.markets().stream()
                .filter(m -> m.lighter().funding().kind() != FundingPathKind.MEAN_REVERTING
                        && m.edgex().funding().kind() != FundingPathKind.MEAN_REVERTING)
                .map(ScenarioLoaderTest::netAprAtStart)
                .max(BigDecimal::compareTo).orElseThrow();
        assertThat(best).isGreaterThan(new BigDecimal("0.05"));
    }

    private static BigDecimal netAprAtStart(MarketSpec m) {
        BigDecimal lighterPerYear = m.lighter().funding().rate().multiply(BigDecimal.valueOf(3 * 365));
        BigDecimal edgexPerYear = m.edgex().funding().rate()
                .multiply(BigDecimal.valueOf(1440 / m.edgex().fundingRateIntervalMin() * 365));
        BigDecimal gross = lighterPerYear.subtract(edgexPerYear).abs();
        BigDecimal feesPerCycle = m.lighter().takerFee().add(m.edgex().takerFee()).multiply(BigDecimal.valueOf(2));
        BigDecimal fees = feesPerCycle.multiply(BigDecimal.valueOf(3 * 365));
        return gross.subtract(fees, MathContext.DECIMAL64);
    }

    @Test
    void testScenarioParsesFaultsAndFundingPaths() {
        Scenario s = TestScenarios.flat();
        assertThat(s.faults()).hasSize(1);
        assertThat(s.faults().get(0).kind()).isEqualTo(FaultKind.HTTP_429);
        assertThat(s.market("BTC").orElseThrow().lighter().funding().rate()).isEqualByComparingTo("0.0008");
        assertThat(s.fundingHistory()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void missingSeedIsNamed() {
        assertProblem(root -> root.remove("seed"), "seed: is required");
    }

    @Test
    void lighterMarketIdOutOfRangeIsNamed() {
        assertProblem(root -> market(root).with("lighter").put("marketId", 300),
                "markets[0].lighter.marketId: must be between 0 and 254");
    }

    @Test
    void edgexFundingIntervalMustDivideADay() {
        assertProblem(root -> market(root).with("edgex").put("fundingRateIntervalMin", 420),
                "markets[0].edgex.fundingRateIntervalMin");
    }

    @Test
    void unknownFieldsAreReportedNotIgnored() {
        assertProblem(root -> market(root).with("book").put("levelz", 5), "markets[0].book.levelz: unknown field");
    }

    @Test
    void fundingKindMustBeKnown() {
        assertProblem(root -> market(root).with("edgex").with("funding").put("kind", "RANDOM"),
                "markets[0].edgex.funding.kind: must be one of");
    }

    @Test
    void fundingRateInPercentInsteadOfFractionIsCaught() {
        assertProblem(root -> market(root).with("lighter").with("funding").put("rate", "0.5"),
                "markets[0].lighter.funding.rate");
    }

    @Test
    void maintenanceAboveInitialMarginIsNamed() {
        assertProblem(root -> market(root).with("lighter").put("maintenanceMarginFraction", "0.2"),
                "markets[0].lighter.maintenanceMarginFraction: must be below initialMarginFraction");
    }

    @Test
    void badFaultIsNamed() {
        assertProblem(root -> ((ObjectNode) root.withArray("faults").get(0)).put("kind", "EXPLODE"),
                "faults[0].kind");
    }

    @Test
    void duplicateAccountIsNamed() {
        assertProblem(root -> {
            ArrayNode lighter = root.with("accounts").withArray("lighter");
            ((ObjectNode) lighter.get(1)).put("accountIndex", 1);
        }, "accounts.lighter[].accountIndex: duplicate value 1");
    }

    @Test
    void allProblemsAreReportedTogether() {
        ObjectNode root = flatTree();
        root.remove("seed");
        market(root).put("startPrice", "-1");
        assertThatThrownBy(() -> ScenarioLoader.fromJson(root, "t.json"))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.contains("seed"))
                        .anyMatch(p -> p.contains("markets[0].startPrice: must be positive")));
    }

    @Test
    void malformedJsonSaysWhere() {
        assertThatThrownBy(() -> ScenarioLoader.parse("{\"seed\": 1,", "bad.json"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("bad.json: malformed JSON at line 1");
    }

    private static ObjectNode flatTree() {
        try {
            return (ObjectNode) JSON.readTree(TestScenarios.flatJson());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode market(ObjectNode root) {
        return (ObjectNode) root.withArray("markets").get(0);
    }

    private static void assertProblem(Consumer<ObjectNode> edit, String expected) {
        ObjectNode root = flatTree();
        edit.accept(root);
        assertThatThrownBy(() -> ScenarioLoader.fromJson(root, "t.json"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining(expected);
    }
}
