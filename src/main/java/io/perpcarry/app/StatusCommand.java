package io.perpcarry.app;

import io.perpcarry.domain.Position;
import io.perpcarry.engine.ControlBanner;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.AccountState;
import io.perpcarry.venue.FundingPayment;
import io.perpcarry.venue.OpenOrder;
import io.perpcarry.venue.VenueConnector;
import io.perpcarry.venue.VenueException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Everything held on both venues — not only the bot's hedge: positions, open orders, how well each symbol is
 * hedged, PnL, funding and liquidation distance per leg. Each venue is read on its own; one that fails is reported
 * UNKNOWN with its error and the exit code is 3, never "no positions".
 */
@Command(name = "status", description = "Positions, open orders, hedge quality, PnL, funding and liquidation distance on both venues.")
public final class StatusCommand extends VenueCommand {
    @Option(names = "--funding-hours", paramLabel = "H", defaultValue = "24",
            description = "Funding payments summed over the last H hours (default: 24)")
    int fundingHours;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory whose PAUSED/HALTED state is shown first (default: data/ in PERPCARRY_HOME;"
                    + " PERPCARRY_MODE=paper: its paper/ subdirectory, as the daemon, whose simulated accounts are shown)")
    Path dataDir;

    static final String PAPER_PREFIX = "PAPER  ";
    private boolean paper;

    public StatusCommand() {
        this(VenueSession::open);
    }

    StatusCommand(SessionOpener opener) {
        super(opener);
    }

    @Override
    int run(VenueSession session, PrintWriter out) {
        if (fundingHours < 1 || fundingHours > 24 * 90) {
            throw CommandFailure.usage("--funding-hours must be 1.." + 24 * 90 + ", got " + fundingHours);
        }
        Map<Venue, AccountState> accounts = new EnumMap<>(Venue.class);
        Map<Venue, List<OpenOrder>> orders = new EnumMap<>(Venue.class);
        Map<Venue, List<FundingPayment>> funding = new EnumMap<>(Venue.class);
        Map<Venue, Map<String, BigDecimal>> marks = new EnumMap<>(Venue.class);
        Map<Venue, List<String>> errors = new EnumMap<>(Venue.class);
        Instant since = Instant.now().minus(Duration.ofHours(fundingHours));
        paper = session.environment().mode() == io.perpcarry.config.RunMode.PAPER;
        for (VenueConnector v : paper ? paperAccounts(session) : session.venues()) {
            List<String> errs = new ArrayList<>();
            errors.put(v.venue(), errs);
            read(errs, "account", () -> accounts.put(v.venue(), v.account()));
            read(errs, "open orders", () -> orders.put(v.venue(), v.openOrders()));
            read(errs, "funding payments", () -> funding.put(v.venue(), v.fundingPayments(since)));
            Map<String, BigDecimal> m = new HashMap<>();
            marks.put(v.venue(), m);
            AccountState a = accounts.get(v.venue());
            if (a != null) {
                for (Position p : a.positions()) {
                    if (!p.isFlat()) {
                        // A missing mark only blanks the liquidation distance; the position itself is known.
                        try {
                            m.put(p.symbol(), v.orderBook(p.symbol(), 1).mid());
                        } catch (VenueException | IllegalStateException e) {
                            m.remove(p.symbol());
                        }
                    }
                }
            }
        }
        StatusReport report = new StatusReport(accounts, orders, funding, marks, errors, fundingHours);
        Optional<ControlBanner> banner = banner();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (paper) {
                m.put("mode", io.perpcarry.paper.PaperAccounts.MODE);
            }
            m.put("control", banner.map(ControlBanner::toJson).orElse(null));
            m.putAll(report.toJson());
            out.print(CommandSupport.json(m) + "\n");
        } else if (paper) {
            // every line: a paper position must never be read as a live one
            out.println(PAPER_PREFIX + "simulated accounts of the paper daemon (" + daemonDir() + "); nothing here is on the venues");
            banner.ifPresent(b -> out.println(PAPER_PREFIX + b.line()));
            report.render().lines().forEach(l -> out.println(PAPER_PREFIX + l));
        } else {
            banner.ifPresent(b -> out.println(b.line()));
            out.print(report.render());
        }
        return report.complete() ? 0 : CommandSupport.EXIT_VENUE;
    }

    /** The paper daemon's simulated accounts, marked to the venues' public books. */
    private List<VenueConnector> paperAccounts(VenueSession session) {
        Path dir = daemonDir();
        return session.venues().stream().map(v -> (VenueConnector) io.perpcarry.paper.PaperVenue.readOnly(v,
                io.perpcarry.paper.PaperAccounts.file(dir, v.venue()), java.time.Clock.systemUTC())).toList();
    }

    /** The daemon's data directory as the daemon resolves it (paper mode: its paper/ subdirectory). */
    private Path daemonDir() {
        return AppPaths.defaults().withDataDir(dataDir).daemonDataDir(paper ? io.perpcarry.config.RunMode.PAPER
                : io.perpcarry.config.RunMode.LIVE);
    }

    /** The bot's PAUSED/HALTED line, when its data directory says so (an unreadable state.json is not fatal here). */
    private Optional<ControlBanner> banner() {
        try {
            return ControlBanner.read(daemonDir());
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static void read(List<String> errors, String what, Runnable read) {
        try {
            read.run();
        } catch (VenueException e) {
            errors.add(what + ": " + e.getMessage());
        }
    }
}
