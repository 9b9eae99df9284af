package io.perpcarry.app.trading;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Asks "yes" before a trade. Without a terminal (cron, CI, docker without -it) and without --yes the answer is no:
 * a script must say --yes explicitly rather than trade because stdin happened to be empty.
 */
public final class Confirmation {
    private final boolean assumeYes;
    private final BufferedReader terminal;

    private Confirmation(boolean assumeYes, BufferedReader terminal) {
        this.assumeYes = assumeYes;
        this.terminal = terminal;
    }

    public static Confirmation of(boolean yes) {
        Console c = System.console();
        return new Confirmation(yes, c == null ? null : new BufferedReader(c.reader()));
    }

    /** For tests: answers read from {@code in} as if typed at a terminal. */
    public static Confirmation from(boolean yes, BufferedReader in) {
        return new Confirmation(yes, in);
    }

    public enum Answer { YES, NO, NO_TERMINAL }

    /** Prints the question after {@code details} (already printed by the caller) and reads the answer. */
    public Answer ask(PrintWriter out, String question) {
        if (assumeYes) {
            return Answer.YES;
        }
        if (terminal == null) {
            return Answer.NO_TERMINAL;
        }
        out.print(question + " Type 'yes' to proceed: ");
        out.flush();
        try {
            String line = terminal.readLine();
            return line != null && line.trim().toLowerCase(Locale.ROOT).equals("yes") ? Answer.YES : Answer.NO;
        } catch (IOException e) {
            return Answer.NO;
        }
    }

    public static String refusal(Answer a) {
        return a == Answer.NO_TERMINAL ? "not a terminal and no --yes: refusing to trade without confirmation"
                : "not confirmed: nothing sent";
    }
}
