package io.perpcarry.preflight;

import io.perpcarry.domain.BookLevel;
import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.OrderBook;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import static io.perpcarry.preflight.Preflight.plain;

/** The per-market checks: pure functions of what the venue published, so each has a unit test without a venue. */
final class MarketRules {
    private static final BigDecimal FEE_CAP = new BigDecimal("0.01");
    private static final long MINUTES_PER_DAY = 1440;

    private MarketRules() {
    }

    /** Fees are fractions below 1 %, the maker fee no higher than the taker fee. */
    static PreflightCheck fees(String name, MarketSpec m) {
        String observed = "taker " + pct(m.takerFeeRate()) + " %, maker " + pct(m.makerFeeRate()) + " %";
        boolean ok = m.takerFeeRate().signum() >= 0 && m.takerFeeRate().compareTo(FEE_CAP) < 0
                && m.makerFeeRate().compareTo(m.takerFeeRate()) <= 0;
        return new PreflightCheck(name, ok, observed, "fractions of notional below 1 %, maker ≤ taker");
    }

    /**
     * The venue accepts new positions in the market: a symbol the bot is configured to open must be openable (EdgeX
     * contracts carry {@code enableOpenPosition}, captures/edgex/GET_api_v2_public_meta_getMetaData.json).
     */
    static PreflightCheck openable(String name, MarketSpec m) {
        String req = "open to new positions";
        return m.openable()
                ? PreflightCheck.pass(name, m.symbol() + " (" + m.venueMarketId() + ") open to new positions", req)
                : PreflightCheck.fail(name, m.symbol() + " (" + m.venueMarketId() + ") closed to new positions"
                + (m.venue() == io.perpcarry.domain.Venue.EDGEX ? " (enableOpenPosition false)" : "")
                + ": the bot cannot open it", req);
    }

    /**
     * Every price and size the venue shows lies on the tick and step the bot signs with, and the minimum size is a
     * whole number of steps. Decimals that disagree with the market's own data (a scaled integer off by ten) fail
     * here before they cost an order.
     */
    static PreflightCheck grid(String name, MarketSpec m, OrderBook book) {
        String req = "book prices on tick " + plain(m.priceTick()) + ", sizes on step " + plain(m.sizeStep())
                + ", minimum size on step";
        if (!Preflight.onGrid(m.minBaseSize(), m.sizeStep())) {
            return PreflightCheck.fail(name, "minimum size " + plain(m.minBaseSize()) + " is not a multiple of step "
                    + plain(m.sizeStep()), req);
        }
        Optional<BookLevel> offTick = levels(book).filter(l -> !Preflight.onGrid(l.price(), m.priceTick())).findFirst();
        if (offTick.isPresent()) {
            return PreflightCheck.fail(name, "price " + offTick.get().price().toPlainString() + " is not on tick "
                    + plain(m.priceTick()) + " (market decimals disagree with its book)", req);
        }
        Optional<BookLevel> offStep = levels(book).filter(l -> !Preflight.onGrid(l.size(), m.sizeStep())).findFirst();
        if (offStep.isPresent()) {
            return PreflightCheck.fail(name, "size " + offStep.get().size().toPlainString() + " is not on step "
                    + plain(m.sizeStep()) + " (market decimals disagree with its book)", req);
        }
        long n = levels(book).count(); // an OrderBook has both sides by construction
        return PreflightCheck.pass(name, "tick " + plain(m.priceTick()) + ", step " + plain(m.sizeStep()) + ", min "
                + plain(m.minBaseSize()) + "; " + n + " levels on grid", req);
    }

    /**
     * The quote exists, settles on a cadence that divides a day, and its size per settlement is plausible for the
     * unit the bot reads it in (a percent taken for a fraction is a hundred times too large).
     */
    static PreflightCheck funding(String name, MarketSpec m, FundingQuote q) {
        Duration every = m.fundingInterval();
        String req = "quoted rate below " + pct(Preflight.MAX_RATE_PER_INTERVAL) + " % per period; settles on a cadence dividing a day";
        if (q == null) {
            return PreflightCheck.fail(name, "no funding quote for " + m.symbol(), req);
        }
        long minutes = every.toMinutes();
        if (minutes <= 0 || MINUTES_PER_DAY % minutes != 0) {
            return PreflightCheck.fail(name, "settles every " + minutes + " min", req);
        }
        String observed = "rate " + q.rate().toPlainString() + " per " + hours(q.interval()) + " = "
                + q.aprPercent().setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " % APR; settles every "
                + hours(every);
        boolean ok = q.rate().abs().compareTo(Preflight.MAX_RATE_PER_INTERVAL) < 0;
        return new PreflightCheck(name, ok, observed, req);
    }

    private static Stream<BookLevel> levels(OrderBook b) {
        return Stream.concat(b.bids().stream(), b.asks().stream());
    }

    private static String pct(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    private static String hours(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }
}
