package io.perpcarry.engine;

/** JMX face of the bot, {@code perpcarry:type=Bot} (JConsole: MBeans tab). */
public interface BotControlMBean {
    String getState();

    boolean isPaused();

    String getHaltReason();

    /** "BTC long Lighter / short EdgeX 0.01, opened ..., closes ..." or "none". */
    String getPosition();

    String getNetPnlUsd();

    String getTradingPnlUsd();

    String getFeesUsd();

    String getFundingReceivedUsd();

    long getCycles();

    /** No new hedges and no rotation; protection keeps running. */
    String pause();

    /** As {@link #pause()}, with a reason that status shows until resumed. */
    String pauseWithReason(String reason);

    /** Lifts a pause, whatever set it; refused (with the reason) when HALTED: see {@link #resumeClearingHalt()}. */
    String resume();

    /** Clears HALTED after a person has looked, and lifts a pause; the venues are reconciled first. */
    String resumeClearingHalt();

    /** Clears HALTED (not a pause): the venues are reconciled before anything else. */
    String clearHalt();

    /** Takes the current hedge off now (reduce-only, both legs). */
    String closeNow();

    /** Closes everything on both venues and leaves the bot paused; returns the report. */
    String emergencyClose();

    /** Lists what an emergency close would do. */
    String emergencyCloseDryRun();
}
