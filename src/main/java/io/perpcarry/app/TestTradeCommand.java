package io.perpcarry.app;

import io.perpcarry.app.trading.CloseReport;
import io.perpcarry.app.trading.Confirmation;
import io.perpcarry.app.trading.ExitCodes;
import io.perpcarry.app.trading.Inventory;
import io.perpcarry.app.trading.MarketWatch;
import io.perpcarry.app.trading.OpenPreview;
import io.perpcarry.app.trading.OpenReport;
import io.perpcarry.app.trading.OpenRequest;
import io.perpcarry.app.trading.PairCloser;
import io.perpcarry.app.trading.PairOpener;
import io.perpcarry.app.trading.SessionFactory;
import io.perpcarry.app.trading.TestTradeSummary;
import io.perpcarry.app.trading.TradingDesk;
import io.perpcarry.app.trading.UsageException;
import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.domain.Opportunity;
import io.perpcarry.engine.EngineBeans;
import io.perpcarry.engine.MarketScanner;
import io.perpcarry.state.CycleResult;
import io.perpcarry.strategy.Ranking;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A small round trip on the best market to see the venues, keys and fills work before trusting the bot. */
@Command(name = "test", description = "Open a small pair on the best market, hold, close, and print fills, fees, slippage and leg skew.")
public final class TestTradeCommand extends TradingCommand {
    @Option(names = "--notional", paramLabel = "USD", defaultValue = "20", description = "Notional per leg, USD (default 20)")
    BigDecimal notional;

    @Option(names = "--hold-seconds", paramLabel = "S", defaultValue = "120", description = "Hold before closing (default 120)")
    long holdSeconds;

    @Option(names = "--yes", description = "Do not ask for confirmation")
    boolean yes;

    public TestTradeCommand() {
        this(SessionFactory.DEFAULT);
    }

    public TestTradeCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    void validate() {
        if (holdSeconds < 0) {
            throw new UsageException("--hold-seconds must be >= 0, got " + holdSeconds);
        }
    }

    @Override
    TradingDesk.LockPolicy lockPolicy() {
        return TradingDesk.LockPolicy.REQUIRED;
    }

    @Override
    int run(TradingDesk desk, PrintWriter out, PrintWriter err) {
        PrintWriter talk = json ? err : out;
        Opportunity best = bestMarket(desk);
        OpenRequest req = new OpenRequest(best.symbol(), notional, null, best.longVenue(), null);
        PairOpener opener = new PairOpener(desk);
        OpenPreview preview = opener.preview(req);
        talk.print("test trade: " + preview.describe());
        talk.println("  then hold " + holdSeconds + " s and close both legs reduce-only");
        Confirmation.Answer a = Confirmation.of(yes).ask(talk, "Run the test trade?");
        if (a != Confirmation.Answer.YES) {
            err.println("error: " + Confirmation.refusal(a));
            return ExitCodes.NOT_CONFIRMED;
        }
        OpenReport opened = opener.execute(req, preview, talk);
        talk.println(opened.message());
        if (!opened.pair()) {
            if (json) {
                printJson(out, opened.toJson());
            }
            err.println("error: " + opened.message());
            return opened.exitCode();
        }
        hold(talk);
        PairCloser closer = new PairCloser(desk);
        CloseReport closed = closer.close(Inventory.read(desk.beans().venues), List.of(preview.symbol()), "test command");
        List<CycleResult> history = desk.beans().store.history();
        CycleResult result = history.isEmpty() ? null : history.get(history.size() - 1);
        TestTradeSummary s = TestTradeSummary.of(opened, closed.flat() ? result : null, closed.flat());
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>(s.toJson());
            m.put("close", closed.toJson());
            printJson(out, m);
        } else {
            s.lines().forEach(out::println);
            out.println(closed.message());
        }
        return closed.exitCode();
    }

    private Opportunity bestMarket(TradingDesk desk) {
        EngineBeans b = desk.beans();
        List<String> both = desk.session().config().symbolsToMonitor().stream()
                .filter(desk.session().lighter().markets()::containsKey)
                .filter(desk.session().edgex().markets()::containsKey).toList();
        if (both.isEmpty()) {
            throw new UsageException("no symbol of symbols_to_monitor is listed on both venues");
        }
        MarketWatch.start(desk.session(), both);
        MarketScanner scanner = new MarketScanner(b.venues, both);
        List<MarketSnapshot> snaps = new ArrayList<>(scanner.lighterSnapshots());
        snaps.addAll(scanner.edgexSnapshots());
        Ranking r = b.ranker.rank(snaps);
        // Eligible first; else the widest gross spread: a test trade checks the plumbing, not the carry.
        return r.best().orElseGet(() -> r.rows().stream().filter(o -> o.longVenue() != null)
                .max(Comparator.comparing(o -> o.grossSpreadAprPct() == null ? BigDecimal.ZERO : o.grossSpreadAprPct()))
                .orElseThrow(() -> new UsageException("no market can be traded on both venues now")));
    }

    private void hold(PrintWriter talk) {
        if (holdSeconds == 0) {
            return;
        }
        talk.println("holding " + holdSeconds + " s ...");
        talk.flush();
        try {
            Thread.sleep(holdSeconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            talk.println("interrupted: closing now");
        }
    }
}
