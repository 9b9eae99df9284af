package io.perpcarry.app;

import io.perpcarry.app.trading.Confirmation;
import io.perpcarry.app.trading.ExitCodes;
import io.perpcarry.app.trading.OpenPreview;
import io.perpcarry.app.trading.OpenReport;
import io.perpcarry.app.trading.OpenRequest;
import io.perpcarry.app.trading.PairOpener;
import io.perpcarry.app.trading.SessionFactory;
import io.perpcarry.app.trading.TradingDesk;
import java.io.PrintWriter;
import java.math.BigDecimal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Opens one delta-neutral pair by hand, through the bot's planner, gateway and leg reconciler. */
@Command(name = "open", description = "Open a delta-neutral pair by hand (same size long on one venue, short on the other).")
public final class OpenCommand extends TradingCommand {
    @Parameters(index = "0", paramLabel = "SYMBOL", description = "Base symbol listed on both venues, e.g. BTC")
    String symbol;

    @Option(names = "--size-quote", paramLabel = "USD", description = "Notional per leg, USD")
    BigDecimal sizeQuote;

    @Option(names = "--size-base", paramLabel = "N", description = "Size per leg, base units")
    BigDecimal sizeBase;

    @Option(names = "--long", paramLabel = "lighter|edgex", description = "Venue of the long leg (default: short the higher funding)")
    String longVenue;

    @Option(names = "--cross-ticks", paramLabel = "N", description = "Ticks beyond the touch (default: bot.json cross_ticks)")
    Integer crossTicks;

    @Option(names = "--yes", description = "Do not ask for confirmation")
    boolean yes;

    public OpenCommand() {
        this(SessionFactory.DEFAULT);
    }

    public OpenCommand(SessionFactory sessions) {
        super(sessions);
    }

    private OpenRequest request() {
        return new OpenRequest(symbol, sizeQuote, sizeBase, venueOption("--long", longVenue), crossTicks);
    }

    @Override
    void validate() {
        request();
    }

    @Override
    TradingDesk.LockPolicy lockPolicy() {
        return TradingDesk.LockPolicy.REQUIRED;
    }

    @Override
    int run(TradingDesk desk, PrintWriter out, PrintWriter err) {
        OpenRequest req = request();
        PairOpener opener = new PairOpener(desk);
        OpenPreview preview = opener.preview(req);
        PrintWriter talk = json ? err : out;
        talk.print(preview.describe());
        Confirmation.Answer a = Confirmation.of(yes).ask(talk, "Open this pair?");
        if (a != Confirmation.Answer.YES) {
            err.println("error: " + Confirmation.refusal(a));
            return ExitCodes.NOT_CONFIRMED;
        }
        OpenReport r = opener.execute(req, preview, talk);
        if (json) {
            printJson(out, r.toJson());
        } else {
            if (r.after() != null) {
                r.after().lines().forEach(l -> out.println("  " + l));
            }
            out.println(r.message());
        }
        if (r.exitCode() != ExitCodes.OK && !json) {
            err.println("error: " + r.message());
        }
        return r.exitCode();
    }
}
