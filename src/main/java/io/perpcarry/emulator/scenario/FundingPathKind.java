package io.perpcarry.emulator.scenario;

/** How a venue's funding estimate evolves over scenario time. */
public enum FundingPathKind {
    /** Always {@link FundingPath#rate()}. */
    CONSTANT,
    /** Starts at {@code rate}; each {@link FundingStep} replaces it from its time on. */
    STEPS,
    /** Ornstein-Uhlenbeck-like walk towards {@code mean}, one draw per funding tick, clamped to [min, max]. */
    MEAN_REVERTING
}
