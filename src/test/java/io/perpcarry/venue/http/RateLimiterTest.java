package io.perpcarry.venue.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perpcarry.domain.Venue;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The client-side budget: documented Lighter figures, counted waits, 429 gate, one limiter per venue. */
class RateLimiterTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Duration> pauses = new ArrayList<>();

    private RateLimiter limiter(RateBudget budget) {
        return new RateLimiter(Venue.LIGHTER, budget, nanos::get, d -> {
            pauses.add(d);
            nanos.addAndGet(d.toNanos());
        });
    }

    @Test
    void aStandardLighterAccountMakesSixtyRequestsAMinuteThenWaits() {
        RateLimiter l = limiter(RateBudget.LIGHTER_STANDARD);
        for (int i = 0; i < 60; i++) {
            l.acquire("/api/v1/account");
            nanos.addAndGet(Duration.ofMillis(100).toNanos());
        }
        assertThat(l.waits()).isZero();
        l.acquire("/api/v1/account");
        assertThat(l.waits()).isEqualTo(1);
        // the 61st waits until the first of the window rolls off: 60 s after it, 6 s having passed
        assertThat(pauses.get(0)).isBetween(Duration.ofMillis(53_900), Duration.ofMillis(54_100));
        assertThat(l.waitedMillis()).isGreaterThanOrEqualTo(53_900);
        assertThat(l.requests()).isEqualTo(61);
    }

    @Test
    void readsLeaveAFifthOfTheWindowToOrdersAndFailFastRatherThanQueue() {
        RateLimiter l = limiter(RateBudget.LIGHTER_STANDARD);
        for (int i = 0; i < 48; i++) { // 80 % of 60 requests a minute
            l.acquireRead("/api/v1/orderBookDetails", Duration.ofSeconds(10));
        }
        assertThat(l.waits()).isZero();
        long booked = l.spentInWindow();
        assertThatThrownBy(() -> l.acquireRead("/api/v1/orderBookDetails", Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(VenueException.class, e -> {
                    assertThat(e.kind()).isEqualTo(VenueErrorKind.RATE_LIMITED);
                    assertThat(e.getMessage()).contains("/api/v1/orderBookDetails", "Lighter", "not sent");
                });
        assertThat(l.spentInWindow()).isEqualTo(booked);
        assertThat(l.readsRefused()).isEqualTo(1);
        for (int i = 0; i < 12; i++) { // the orders' fifth is still there, at once
            l.acquire("/api/v1/sendTx");
        }
        assertThat(l.waits()).isZero();
    }

    @Test
    void onlyPublicMarketDataYieldsAccountAndOrderReadsWaitLikeWrites() {
        assertThat(RateBudget.LIGHTER_STANDARD.isMarketData("/api/v1/funding-rates")).isTrue();
        assertThat(RateBudget.LIGHTER_STANDARD.isMarketData("/api/v1/orderBookDetails")).isTrue();
        assertThat(RateBudget.EDGEX_UNVERIFIED.isMarketData("/api/v2/public/quote/getTicker")).isTrue();
        assertThat(RateBudget.LIGHTER_STANDARD.isMarketData("/api/v1/account")).isFalse();
        assertThat(RateBudget.LIGHTER_STANDARD.isMarketData("/api/v1/accountInactiveOrders")).isFalse();
        assertThat(RateBudget.EDGEX_UNVERIFIED.isMarketData("/api/v2/private/account/getPositionByContractId")).isFalse();
    }

    @Test
    void aReadWaitsForTheBudgetWhenTheWaitIsWithinItsBound() {
        RateLimiter l = limiter(RateBudget.LIGHTER_STANDARD);
        for (int i = 0; i < 48; i++) {
            l.acquireRead("/api/v1/account", Duration.ofMinutes(2));
        }
        l.acquireRead("/api/v1/account", Duration.ofMinutes(2));
        assertThat(l.waits()).isEqualTo(1);
        assertThat(l.readsRefused()).isZero();
    }

    @Test
    void heavyEndpointsCostTheirWeight() {
        RateLimiter l = limiter(RateBudget.LIGHTER_STANDARD);
        for (int i = 0; i < 40; i++) { // trades/recentTrades weigh 600: 24,000 / 600 = 40 a minute
            l.acquire("/api/v1/recentTrades");
        }
        assertThat(l.waits()).isZero();
        l.acquire("/api/v1/recentTrades");
        assertThat(l.waits()).isEqualTo(1);
        assertThat(RateBudget.LIGHTER_STANDARD.costOf("/api/v1/sendTx")).isEqualTo(400);
    }

    @Test
    void updateLeverageIsOneAMinute() {
        RateLimiter l = limiter(RateBudget.LIGHTER_STANDARD);
        l.acquireKind("lighter:L2UpdateLeverage", 1);
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        l.acquireKind("lighter:L2UpdateLeverage", 1);
        assertThat(pauses).singleElement().satisfies(d -> assertThat(d).isBetween(Duration.ofMillis(49_900),
                Duration.ofMillis(50_100)));
    }

    @Test
    void aFourTwentyNineClosesTheGateForItsRetryAfter() {
        RateLimiter l = limiter(RateBudget.LIGHTER_STANDARD);
        l.rateLimited(Duration.ofSeconds(7));
        l.acquire("/api/v1/account");
        assertThat(l.waits()).isEqualTo(1);
        assertThat(pauses.get(0)).isBetween(Duration.ofMillis(6_900), Duration.ofMillis(7_100));
    }

    @Test
    void oneSharedLimiterPerVenueAndTheEdgexBudgetIsMarkedUnverified() {
        assertThat(RateLimits.of(Venue.LIGHTER)).isSameAs(RateLimits.of(Venue.LIGHTER));
        assertThat(RateLimits.of(Venue.EDGEX)).isNotSameAs(RateLimits.of(Venue.LIGHTER));
        assertThat(RateLimits.budgetOf(Venue.LIGHTER).verified()).isTrue();
        assertThat(RateLimits.budgetOf(Venue.EDGEX).verified()).isFalse();
        assertThat(RateLimits.budgetOf(Venue.EDGEX).source()).contains("unverified");
    }
}
