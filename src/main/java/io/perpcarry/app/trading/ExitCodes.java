package io.perpcarry.app.trading;

/** What the trading commands' exit codes mean, so scripts and the monitor's supervisor can act on them. */
public final class ExitCodes {
    /** Done as asked (open: an equal and opposite pair; close: verified flat). */
    public static final int OK = 0;
    /** Nothing done or nothing left: refused by a venue, planning failed, or a leg failed and was unwound. */
    public static final int FAILED = 1;
    /** Usage or configuration problem (bad symbol, size below a minimum, bad option). Nothing sent. */
    public static final int USAGE = 2;
    /** Something is left on a venue that a person must look at (naked leg, not flat, venue unreadable). */
    public static final int EXPOSED = 3;
    /** Not confirmed (answered no, or no terminal and no --yes). Nothing sent. */
    public static final int NOT_CONFIRMED = 4;
    /** Another perpcarry holds the data directory (the bot runs): refused. */
    public static final int LOCKED = 5;

    private ExitCodes() {
    }
}
