package io.perpcarry.alerts;

import io.perpcarry.state.JournalEntry;
import java.util.Optional;

/** Which journaled engine events are worth a person's attention, and how they read. */
final class JournalAlerts {
    private JournalAlerts() {
    }

    static Optional<Alert> of(JournalEntry e) {
        String reason = e.text("reason").orElse("");
        String cycle = e.text("cycle_id").orElse("?");
        return switch (e.type()) {
            // Same key as the engine port's "HALTED: <reason>": one alert per HALT.
            case "halt" -> alert(e, AlertKind.HALT, "halt|" + reason, "HALTED: " + reason);
            case "stop_loss" -> alert(e, AlertKind.STOP_LOSS, "stop_loss|" + reason, "stop-loss, closing the hedge: " + reason);
            case "risk_close" -> alert(e, AlertKind.RISK_CLOSE, "risk_close|" + reason, "risk close: " + reason);
            case "open_aborted" -> reason.contains("unwound")
                    ? alert(e, AlertKind.LEG_UNWOUND, "unwound|" + cycle, "cycle " + cycle + ": " + reason)
                    : Optional.empty();
            case "position_opened" -> alert(e, AlertKind.OPENED, "opened|" + cycle, opened(e));
            case "position_closed" -> alert(e, AlertKind.CLOSED, "closed|" + cycle, closed(e));
            case "emergency_close_done" -> "false".equals(e.text("flat").orElse(""))
                    ? alert(e, AlertKind.NOT_FLAT, "not_flat|" + e.ts(), "emergency close left the venues NOT FLAT: check by hand")
                    : Optional.empty();
            case "position_gone" -> alert(e, AlertKind.POSITION_GONE, "gone|" + e.text("symbol").orElse("?"),
                    e.text("symbol").orElse("?") + ": " + reason);
            default -> Optional.empty();
        };
    }

    private static String opened(JournalEntry e) {
        return e.text("symbol").orElse("?") + " cycle " + e.text("cycle_id").orElse("?") + " opened: long "
                + e.text("long_venue").orElse("?") + " " + e.text("long_size").orElse("?") + " @ " + e.text("long_entry").orElse("?")
                + ", short " + e.text("short_venue").orElse("?") + " " + e.text("short_size").orElse("?") + " @ "
                + e.text("short_entry").orElse("?");
    }

    private static String closed(JournalEntry e) {
        return e.text("symbol").orElse("?") + " cycle " + e.text("cycle_id").orElse("?") + " closed ("
                + e.text("reason").orElse("?") + "): net PnL " + e.text("net_pnl").orElse("?") + " USD";
    }

    private static Optional<Alert> alert(JournalEntry e, AlertKind kind, String key, String text) {
        return Optional.of(new Alert(kind, key, text, e.ts()));
    }
}
