package io.perpcarry.ui;

import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.Position;
import io.perpcarry.domain.Venue;
import io.perpcarry.engine.RotationEngine;
import io.perpcarry.engine.ControlBanner;
import io.perpcarry.state.BotSnapshot;
import io.perpcarry.state.CycleStats;
import io.perpcarry.state.HeldPosition;
import io.perpcarry.strategy.Ranking;
import io.perpcarry.ui.DashboardModel.LegView;
import io.perpcarry.ui.DashboardModel.VenueView;
import io.perpcarry.venue.AccountState;
import io.perpcarry.venue.FundingPayment;
import io.perpcarry.venue.VenueConnector;
import io.perpcarry.venue.VenueException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The daemon's screen. The scan route hands it each scan's snapshots and ranking (passing them on unchanged);
 * a timer route calls {@link #refresh()}, which reads both accounts and prints a frame. It only reads.
 */
public final class TerminalDashboard implements Dashboard {
    private static final int TABLE_ROWS = 10;
    private final RotationEngine engine;
    private final Map<Venue, VenueConnector> venues;
    private final Clock clock;
    private final String mode;
    private final PrintStream out;
    private final DashboardView view;
    private volatile List<MarketSnapshot> lastSnapshots = List.of();
    private volatile FundingTable lastTable;
    private volatile DashboardModel lastModel;

    public TerminalDashboard(RotationEngine engine, VenueConnector lighter, VenueConnector edgex, Clock clock, String mode,
                             PrintStream out, boolean ansi) {
        this.engine = engine;
        this.venues = new EnumMap<>(Map.of(Venue.LIGHTER, lighter, Venue.EDGEX, edgex));
        this.clock = clock;
        this.mode = mode;
        this.out = out;
        this.view = new DashboardView(ansi);
    }

    /** Whether stdout is a terminal: ANSI redraw there, plain lines in logs and pipes. */
    public static boolean onTerminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    @Override
    public List<MarketSnapshot> onSnapshots(List<MarketSnapshot> snapshots) {
        lastSnapshots = List.copyOf(snapshots);
        return snapshots;
    }

    /** The market data the last scan decided on (metrics: book age). */
    public List<MarketSnapshot> lastSnapshots() {
        return lastSnapshots;
    }

    @Override
    public Ranking onRanking(Ranking ranking) {
        lastTable = FundingTable.of(ranking, lastSnapshots);
        return ranking;
    }

    @Override
    public void refresh() {
        DashboardModel m = model();
        lastModel = m;
        out.print(view.render(m, TABLE_ROWS));
        out.flush();
    }

    /** The last frame drawn (the web API serves it: no extra venue request per browser poll). */
    public Optional<DashboardModel> lastModel() {
        return Optional.ofNullable(lastModel);
    }

    public String mode() {
        return mode;
    }

    /** The funding table of the last scan. */
    public Optional<FundingTable> lastTable() {
        return Optional.ofNullable(lastTable);
    }

    DashboardModel model() {
        Instant now = clock.instant();
        Optional<HeldPosition> position = engine.position();
        Map<Venue, VenueView> views = new EnumMap<>(Venue.class);
        for (VenueConnector v : venues.values()) {
            views.put(v.venue(), read(v, position, now));
        }
        BotSnapshot snap = engine.store().snapshot();
        CycleStats stats = engine.store().stats();
        return new DashboardModel(now, mode, engine.state().name(), snap.paused(), snap.haltReason(), position, views,
                Optional.ofNullable(lastTable), stats.netPnl(), stats.cycles(), controlLine(snap));
    }

    private Optional<String> controlLine(BotSnapshot snap) {
        if (!snap.paused() && snap.haltReason() == null) {
            return Optional.empty(); // the journal is read only when there is something to explain
        }
        java.nio.file.Path journal = engine.store().stateFile().resolveSibling("journal.jsonl");
        return ControlBanner.of(snap, io.perpcarry.state.Journal.read(journal)).map(ControlBanner::line);
    }

    private VenueView read(VenueConnector venue, Optional<HeldPosition> position, Instant now) {
        try {
            AccountState account = venue.account();
            Optional<LegView> leg = Optional.empty();
            BigDecimal funding = null;
            Duration nextFunding = null;
            if (position.isPresent()) {
                String symbol = position.get().symbol();
                leg = account.position(symbol).map(TerminalDashboard::leg);
                funding = fundingSince(venue, symbol, position.get().openedAt());
                MarketSpec spec = venue.markets().get(symbol);
                nextFunding = spec == null ? null : untilNextBoundary(now, spec.fundingInterval());
            }
            return new VenueView(venue.venue(), account.equity(), account.availableBalance(), leg, funding, nextFunding,
                    null, now);
        } catch (VenueException e) {
            return VenueView.unknown(venue.venue(), e.kind() + ": " + e.getMessage(), now);
        }
    }

    private static LegView leg(Position p) {
        return new LegView(p.signedSize(), p.entryPrice(), p.unrealizedPnl(), p.liquidationPrice());
    }

    private static BigDecimal fundingSince(VenueConnector venue, String symbol, Instant since) {
        List<FundingPayment> payments = new ArrayList<>(venue.fundingPayments(since));
        return payments.stream().filter(p -> p.symbol().equals(symbol) && !p.settledAt().isBefore(since))
                .map(FundingPayment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Both venues settle on epoch-aligned boundaries of their interval. */
    static Duration untilNextBoundary(Instant now, Duration interval) {
        long period = interval.getSeconds();
        long next = (Math.floorDiv(now.getEpochSecond(), period) + 1) * period;
        return Duration.between(now, Instant.ofEpochSecond(next));
    }
}
