package io.perpcarry.emulator.edgex;

import static io.perpcarry.emulator.edgex.EdgexTestVenue.BTC;
import static io.perpcarry.emulator.edgex.EdgexTestVenue.OWN_ACCOUNT;
import static io.perpcarry.emulator.edgex.EdgexTestVenue.OWN_CREDS;
import static io.perpcarry.emulator.edgex.EdgexTestVenue.OWN_KEY;
import static io.perpcarry.emulator.edgex.EdgexTestVenue.VEC_ACCOUNT;
import static io.perpcarry.emulator.edgex.EdgexTestVenue.VEC_CREDS;
import static io.perpcarry.emulator.edgex.EdgexTestVenue.q;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.perpcarry.crypto.edgex.EdgexApiCredentials;
import io.perpcarry.crypto.edgex.OrderSide;

/**
 * Funding on an accelerated clock (4 h in 2 s): every fundingRateIntervalMin each open position
 * gets a SETTLE_FUNDING_FEE transaction; with a positive rate the long pays and the short receives.
 */
class EdgexFundingWireTest {
    /** The vectors' orders[0] trading key, registered for {@link EdgexTestVenue#VEC_ACCOUNT}. */
    private static final String VEC_KEY = "0xe123c2a30682bc7e2c0800151ded0802dd80618c46dc037f2652513cb7475422";

    @Test
    void settlementsEveryIntervalWithTheRightSign() throws Exception {
        // settlements follow the wall clock (issue 10: times on the wire are wall-clock): move it 8 h
        io.perpcarry.emulator.MutableClock fast = new io.perpcarry.emulator.MutableClock(EdgexTestVenue.START);
        try (EdgexTestVenue venue = new EdgexTestVenue(fast, EdgexEmulatorOptions.defaults().withTick(Duration.ofMillis(50)))) {
            assertThat(venue.createOrder(OWN_CREDS, venue.limitOrder(OWN_KEY, OWN_ACCOUNT, BTC, OrderSide.BUY,
                    "0.01", "100100", "long-1")).code()).isEqualTo("SUCCESS");
            assertThat(venue.createOrder(VEC_CREDS, venue.limitOrder(VEC_KEY, VEC_ACCOUNT, BTC, OrderSide.SELL,
                    "0.01", "99900", "short-1")).code()).isEqualTo("SUCCESS");

            fast.advance(Duration.ofHours(8).plusSeconds(1));
            JsonNode longRows = awaitSettlements(venue, OWN_CREDS, OWN_ACCOUNT, 2);
            JsonNode first = longRows.get(1);
            JsonNode second = longRows.get(0); // newest first
            assertThat(second.get("fundingTime").asLong() - first.get("fundingTime").asLong())
                    .isEqualTo(Duration.ofMinutes(240).toMillis());
            assertThat(first.get("fundingTime").asLong() % Duration.ofMinutes(240).toMillis()).isZero();
            assertThat(first.get("type").asText()).isEqualTo("SETTLE_FUNDING_FEE");
            assertThat(first.get("fundingRate").asText()).isEqualTo("0.0001");
            assertThat(first.get("fundingPositionSize").asText()).isEqualTo("0.01");
            BigDecimal paid = new BigDecimal(first.get("deltaFundingFee").asText());
            assertThat(paid).isNegative();
            assertThat(paid.abs()).isBetween(new BigDecimal("0.09"), new BigDecimal("0.11")); // 0.01 × ~100000 × 0.0001

            JsonNode shortRow = awaitSettlements(venue, VEC_CREDS, VEC_ACCOUNT, 1).get(0);
            assertThat(shortRow.get("fundingPositionSize").asText()).isEqualTo("-0.01");
            assertThat(new BigDecimal(shortRow.get("deltaFundingFee").asText())).isPositive();

            JsonNode position = venue.accountAsset(OWN_ACCOUNT, OWN_CREDS).get("positionList").get(0);
            assertThat(new BigDecimal(position.get("fundingFee").asText())).isNegative();
        }
    }

    private static JsonNode awaitSettlements(EdgexTestVenue venue, EdgexApiCredentials creds, long account, int n)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode rows = null;
        while (System.nanoTime() < deadline) {
            rows = venue.privateGet(creds, "/api/v2/private/account/getPositionTransactionPage",
                    q("accountId", Long.toString(account), "filterTypeList", "SETTLE_FUNDING_FEE")).data().get("dataList");
            if (rows.size() >= n) {
                return rows;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("fewer than " + n + " settlements within 30 s: " + rows);
    }
}
