package io.perpcarry.app;

import io.perpcarry.app.trading.ExitCodes;
import io.perpcarry.app.trading.SessionFactory;
import io.perpcarry.app.trading.SymbolResolver;
import io.perpcarry.app.trading.TradingDesk;
import io.perpcarry.venue.VenueException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Hands an equal and opposite pair already open on both venues (opened by the original bot or by hand) to the bot:
 * journaled, with the venues' entry prices, hold clock starting now. The bot must be stopped (it owns state.json).
 */
@Command(name = "adopt", description = "Take an equal and opposite SYMBOL pair already open on both venues under the bot's management (bot stopped).")
public final class AdoptCommand extends TradingCommand {
    @Parameters(index = "0", paramLabel = "SYMBOL", description = "Symbol open long on one venue and short on the other")
    String symbol;

    public AdoptCommand() {
        this(SessionFactory.DEFAULT);
    }

    public AdoptCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    TradingDesk.LockPolicy lockPolicy() {
        return TradingDesk.LockPolicy.REQUIRED;
    }

    @Override
    int run(TradingDesk desk, PrintWriter out, PrintWriter err) {
        String sym = SymbolResolver.resolve(desk.session(), symbol);
        String message;
        try {
            message = desk.beans().reconciler.adopt(sym, "operator (adopt command)");
        } catch (IllegalStateException | VenueException e) {
            if (json) {
                printJson(out, Map.of("symbol", sym, "adopted", false, "message", e.getMessage()));
            } else {
                err.println("error: not adopted: " + e.getMessage());
            }
            return ExitCodes.FAILED;
        }
        if (json) {
            printJson(out, Map.of("symbol", sym, "adopted", true, "message", message));
        } else {
            out.println(message);
        }
        return ExitCodes.OK;
    }
}
