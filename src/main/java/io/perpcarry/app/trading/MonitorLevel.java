package io.perpcarry.app.trading;

/** Traffic light of one monitor finding; the worst one is the check's exit code with --once. */
public enum MonitorLevel {
    GREEN(0, "\u001b[32m"),
    YELLOW(1, "\u001b[33m"),
    RED(ExitCodes.EXPOSED, "\u001b[31m");

    private final int exitCode;
    private final String ansi;

    MonitorLevel(int exitCode, String ansi) {
        this.exitCode = exitCode;
        this.ansi = ansi;
    }

    public int exitCode() {
        return exitCode;
    }

    /** "[RED]", coloured only when the output is a terminal. */
    public String tag(boolean colour) {
        String t = "[" + name() + "]";
        return colour ? ansi + t + "\u001b[0m" : t;
    }

    public static MonitorLevel worse(MonitorLevel a, MonitorLevel b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
