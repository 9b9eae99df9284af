package io.perpcarry.strategy;

import io.perpcarry.domain.CostBreakdown;
import io.perpcarry.domain.Opportunity;
import io.perpcarry.domain.Venue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.perpcarry.domain.TestMarkets.d;
import static io.perpcarry.strategy.RotationDecision.Action.CLOSE;
import static io.perpcarry.strategy.RotationDecision.Action.CLOSE_AND_REOPEN;
import static io.perpcarry.strategy.RotationDecision.Action.EXTEND_HOLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RotationPolicyTest {

    private static Opportunity eligible(String symbol, Venue longVenue, String netApr) {
        return new Opportunity(symbol, longVenue, longVenue.other(), d("60"),
                new CostBreakdown(d("1000"), d("1"), d("1"), d("0")), d(netApr), d("10"), d("1e9"), d("0"), null);
    }

    private static final HeldHedge HELD = new HeldHedge("BTC", Venue.EDGEX);
    private static final Ranking BTC_SAME_BEST = new Ranking(List.of(eligible("BTC", Venue.EDGEX, "40"),
            eligible("ETH", Venue.LIGHTER, "30")));
    private static final Ranking ETH_BEST = new Ranking(List.of(eligible("ETH", Venue.LIGHTER, "70"),
            eligible("BTC", Venue.EDGEX, "40")));
    private static final Ranking BTC_FLIPPED = new Ranking(List.of(eligible("BTC", Venue.LIGHTER, "40")));
    private static final Ranking NOTHING = new Ranking(List.of(Opportunity.unavailable("BTC", "net APR 1.0% < 5%")));

    @Test
    void keepIfBestExtendsWhenTheSameHedgeIsStillBest() {
        RotationDecision d = new RotationPolicy(RotationMode.KEEP_IF_BEST).decide(HELD, BTC_SAME_BEST);
        assertThat(d.action()).isEqualTo(EXTEND_HOLD);
        assertThat(d.next()).isEmpty();
        assertThat(d.reason()).startsWith("BTC long EdgeX / short Lighter still earns 60.0% funding, more than ETH nets")
                .endsWith("extending the hold");
    }

    @Test
    void keepIfBestRotatesToABetterSymbolOrAFlippedDirection() {
        RotationPolicy p = new RotationPolicy(RotationMode.KEEP_IF_BEST);
        RotationDecision toEth = p.decide(HELD, ETH_BEST);
        assertThat(toEth.action()).isEqualTo(CLOSE_AND_REOPEN);
        assertThat(toEth.next().orElseThrow().symbol()).isEqualTo("ETH");
        assertThat(toEth.reason()).startsWith("ETH now ranks best");
        RotationDecision flip = p.decide(HELD, BTC_FLIPPED);
        assertThat(flip.action()).isEqualTo(CLOSE_AND_REOPEN);
        assertThat(flip.next().orElseThrow().longVenue()).isEqualTo(Venue.LIGHTER);
        assertThat(flip.reason()).startsWith("direction flipped");
    }

    @Test
    void keepIfBestKeepsAHedgeEarning60PercentGrossThatRanksIneligibleOnReEntryCosts() {
        // the held row is excluded for a new entry (net after re-entry costs 1 % < 5 %) but earns 60 % gross
        Opportunity heldRow = new Opportunity("BTC", Venue.EDGEX, Venue.LIGHTER, d("60"),
                new CostBreakdown(d("1000"), d("40"), d("10"), d("0")), d("1"), d("100"), d("1e9"), d("0"),
                "net APR 1.0% < 5%");
        RotationPolicy p = new RotationPolicy(RotationMode.KEEP_IF_BEST, d("5"));
        assertThat(p.decide(HELD, new Ranking(List.of(heldRow))).action()).isEqualTo(EXTEND_HOLD);
        // a candidate netting 50 % after its costs does not beat 60 % of funding already in place
        assertThat(p.decide(HELD, new Ranking(List.of(eligible("ETH", Venue.LIGHTER, "50"), heldRow))).action())
                .isEqualTo(EXTEND_HOLD);
        // one netting 61 % does
        RotationDecision d = p.decide(HELD, new Ranking(List.of(eligible("ETH", Venue.LIGHTER, "61"), heldRow)));
        assertThat(d.action()).isEqualTo(CLOSE_AND_REOPEN);
        assertThat(d.reason()).startsWith("ETH now ranks best: net 61.0% after the switch's costs beats the held 60.0% funding");
        // the held spread fell below the floor and nothing else is eligible: close
        Opportunity weak = new Opportunity("BTC", Venue.EDGEX, Venue.LIGHTER, d("3"),
                new CostBreakdown(d("1000"), d("40"), d("10"), d("0")), d("-50"), null, d("1e9"), d("0"), "net APR -50% < 5%");
        assertThat(p.decide(HELD, new Ranking(List.of(weak))).action()).isEqualTo(CLOSE);
    }

    @Test
    void alwaysReopensEvenTheSameHedge() {
        RotationDecision d = new RotationPolicy(RotationMode.ALWAYS).decide(HELD, BTC_SAME_BEST);
        assertThat(d.action()).isEqualTo(CLOSE_AND_REOPEN);
        assertThat(d.next().orElseThrow().symbol()).isEqualTo("BTC");
    }

    @Test
    void closesWhenNothingIsEligibleInEitherMode() {
        for (RotationMode mode : RotationMode.values()) {
            RotationDecision d = new RotationPolicy(mode).decide(HELD, NOTHING);
            assertThat(d.action()).isEqualTo(CLOSE);
            assertThat(d.reason()).contains("no eligible opportunity");
        }
    }

    @Test
    void decisionInvariant() {
        assertThatThrownBy(() -> new RotationDecision(EXTEND_HOLD, java.util.Optional.of(eligible("X", Venue.EDGEX, "9")), "x"))
                .hasMessageContaining("CLOSE_AND_REOPEN only");
        assertThat(HELD.shortVenue()).isEqualTo(Venue.LIGHTER);
    }
}
