package io.perpcarry.app;

/** A command refuses: the message names the bad value; the exit code says what kind of failure it was. */
final class CommandFailure extends RuntimeException {
    private final int exitCode;

    CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    static CommandFailure usage(String message) {
        return new CommandFailure(Cli.EXIT_CONFIG, message);
    }

    int exitCode() {
        return exitCode;
    }
}
