package io.perpcarry.app.trading;

/** One line of a monitor check; {@code symbol} is set when auto-close could act on it. */
public record MonitorFinding(MonitorLevel level, String symbol, String text) {
}
