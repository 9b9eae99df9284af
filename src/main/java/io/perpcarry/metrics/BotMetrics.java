package io.perpcarry.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.domain.Venue;
import io.perpcarry.engine.EngineBeans;
import io.perpcarry.state.BotState;
import io.perpcarry.state.HeldLeg;
import io.perpcarry.ui.DashboardModel;
import io.perpcarry.ui.TerminalDashboard;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;

/**
 * The bot's own metrics beside Camel's route metrics, on the same Micrometer registry (Prometheus text at
 * {@code /observe/metrics} on the management server). Gauges read the engine and the dashboard's last frame when
 * scraped. Venue code counts requests, errors by kind, rate-limit waits and stream reconnects through
 * {@link VenueMetrics}; leg skew comes from the journal, book age from the last scan's market data.
 */
public final class BotMetrics {
    private static volatile MeterRegistry registry;

    private BotMetrics() {
    }

    /** Registers the gauges if the context has a Micrometer registry (camel.metrics.enabled); else does nothing. */
    public static void bind(CamelContext context, EngineBeans beans, TerminalDashboard screen) {
        MeterRegistry r = context.getRegistry().findSingleByType(MeterRegistry.class);
        if (r == null) {
            return;
        }
        registry = r;
        VenueMetrics.flush();
        LegSkew skew = new LegSkew(System::nanoTime);
        beans.journal.listen(skew::onJournal);
        gauge(r, "perpcarry_leg_skew_last_open_seconds", "gap between the answers to the last open's two legs",
                skew::lastSeconds);
        for (BotState s : BotState.values()) {
            Gauge.builder("perpcarry_state", () -> beans.engine.state() == s ? 1 : 0).tag("state", s.name())
                    .description("1 for the state the bot is in").register(r);
        }
        gauge(r, "perpcarry_paused", "1 when paused", () -> beans.store.paused() ? 1 : 0);
        gauge(r, "perpcarry_hedge_notional_usd", "entry notional of the held hedge (both legs)",
                () -> beans.engine.position().map(p -> p.longLeg().entryNotional().add(p.shortLeg().entryNotional()))
                        .map(BigDecimal::doubleValue).orElse(0.0));
        gauge(r, "perpcarry_unrealized_pnl_usd", "unrealized PnL of the held hedge, last dashboard read",
                () -> frame(screen).map(BotMetrics::upnl).orElse(0.0));
        gauge(r, "perpcarry_net_pnl_usd", "net PnL of all closed cycles", () -> beans.store.stats().netPnl().doubleValue());
        gauge(r, "perpcarry_fees_usd", "fees paid over all closed cycles", () -> beans.store.stats().fees().doubleValue());
        gauge(r, "perpcarry_trading_pnl_usd", "trading PnL over all closed cycles",
                () -> beans.store.stats().tradingPnl().doubleValue());
        gauge(r, "perpcarry_cycles", "closed cycles", () -> beans.store.stats().cycles());
        for (Venue v : Venue.values()) {
            Gauge.builder("perpcarry_funding_received_usd", () -> beans.store.stats().fundingReceived(v).doubleValue())
                    .tag("venue", v.wireName()).description("funding received over closed cycles").register(r);
            Gauge.builder("perpcarry_venue_readable", () -> frame(screen).map(f -> f.venues().get(v))
                            .map(x -> x.known() ? 1.0 : 0.0).orElse(Double.NaN))
                    .tag("venue", v.wireName()).description("1 when the last account read succeeded").register(r);
            Gauge.builder("perpcarry_book_age_seconds", () -> bookAge(screen, v)).tag("venue", v.wireName())
                    .description("age of the oldest order book the last scan used on this venue").register(r);
        }
    }

    /** A counter for other parts of the bot (e.g. {@code perpcarry_venue_errors{venue,kind}}); no-op before bind. */
    public static Optional<Counter> counter(String name, String... tags) {
        MeterRegistry r = registry;
        return r == null ? Optional.empty() : Optional.of(r.counter(name, tags));
    }

    /** A timer for other parts of the bot (e.g. {@code perpcarry_leg_skew}); no-op before bind. */
    public static Optional<Timer> timer(String name, String... tags) {
        MeterRegistry r = registry;
        return r == null ? Optional.empty() : Optional.of(r.timer(name, tags));
    }

    private static void gauge(MeterRegistry r, String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(r);
    }

    private static double bookAge(TerminalDashboard screen, Venue v) {
        if (screen == null) {
            return Double.NaN;
        }
        return screen.lastSnapshots().stream().map(MarketSnapshot::book)
                .filter(b -> b != null && b.venue() == v && b.observedAt() != null)
                .map(b -> java.time.Duration.between(b.observedAt(), java.time.Instant.now()).toMillis() / 1e3)
                .max(Double::compare).orElse(Double.NaN);
    }

    private static Optional<DashboardModel> frame(TerminalDashboard screen) {
        return screen == null ? Optional.empty() : screen.lastModel();
    }

    private static double upnl(DashboardModel f) {
        BigDecimal total = BigDecimal.ZERO;
        for (DashboardModel.VenueView v : f.venues().values()) {
            if (v.leg().isPresent() && v.leg().get().unrealizedPnl() != null) {
                total = total.add(v.leg().get().unrealizedPnl());
            }
        }
        return total.doubleValue();
    }

    static BigDecimal notional(HeldLeg l) {
        return l.entryNotional();
    }
}
