package io.perpcarry.app;

import io.perpcarry.app.trading.CloseReport;
import io.perpcarry.app.trading.Confirmation;
import io.perpcarry.app.trading.ExitCodes;
import io.perpcarry.app.trading.Inventory;
import io.perpcarry.app.trading.PairCloser;
import io.perpcarry.app.trading.SessionFactory;
import io.perpcarry.app.trading.SymbolResolver;
import io.perpcarry.app.trading.TradingDesk;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Takes a hedge off: reduce-only on both venues, verified flat. Works beside a running bot (reduce-only only). */
@Command(name = "close", description = "Close the positions in SYMBOL (default: every positioned symbol) reduce-only on both venues; verify flat.")
public final class CloseCommand extends TradingCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SYMBOL", description = "Symbol to close (default: all positioned)")
    String symbol;

    @Option(names = "--yes", description = "Do not ask for confirmation")
    boolean yes;

    public CloseCommand() {
        this(SessionFactory.DEFAULT);
    }

    public CloseCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    TradingDesk.LockPolicy lockPolicy() {
        return TradingDesk.LockPolicy.IF_FREE;
    }

    @Override
    int run(TradingDesk desk, PrintWriter out, PrintWriter err) {
        String sym = symbol == null ? null : SymbolResolver.resolve(desk.session(), symbol);
        PairCloser closer = new PairCloser(desk);
        Inventory before = Inventory.read(desk.beans().venues);
        List<String> targets = closer.targets(before, sym);
        PrintWriter talk = json ? err : out;
        if (targets.stream().allMatch(s -> before.of(io.perpcarry.domain.Venue.LIGHTER).known()
                && before.of(io.perpcarry.domain.Venue.EDGEX).known() && before.flat(s))) {
            String msg = "nothing to close: " + (targets.isEmpty() ? "no position on either venue" : sym + " is flat on both venues");
            if (json) {
                printJson(out, Map.of("symbols", targets, "flat", true, "message", msg));
            } else {
                out.println(msg);
            }
            return ExitCodes.OK;
        }
        talk.println("close " + String.join(", ", targets) + " reduce-only on both venues:");
        before.lines().forEach(l -> talk.println("  " + l));
        if (!desk.ownsDataDir()) {
            talk.println("  note: the bot is running; it will find these positions gone and reconcile or halt");
        }
        Confirmation.Answer a = Confirmation.of(yes).ask(talk, "Close?");
        if (a != Confirmation.Answer.YES) {
            err.println("error: " + Confirmation.refusal(a));
            return ExitCodes.NOT_CONFIRMED;
        }
        CloseReport r = closer.close(before, targets, "operator (close command)");
        if (json) {
            printJson(out, r.toJson());
        } else {
            r.actions().forEach(l -> out.println("  " + l));
            out.println(r.message());
        }
        if (!r.flat() && !json) {
            err.println("error: " + r.message());
        }
        return r.exitCode();
    }
}
