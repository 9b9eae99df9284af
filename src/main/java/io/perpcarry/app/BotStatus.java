package io.perpcarry.app;

import io.perpcarry.config.BotConfig;
import io.perpcarry.config.RuntimeEnvironment;

/** The one-line status the heartbeat route logs. Holds no secrets: the environment is shown by mode only. */
public final class BotStatus {
    private final BotConfig config;
    private final RuntimeEnvironment environment;

    public BotStatus(BotConfig config, RuntimeEnvironment environment) {
        this.config = config;
        this.environment = environment;
    }

    public String heartbeat() {
        return "perpcarry " + environment.mode().name().toLowerCase() + ": watching " + config.symbolsToMonitor().size()
                + " symbols, " + config.leverage() + "x, " + config.notionalPerPosition().toPlainString()
                + " USD per leg, hold " + config.holdDurationHours().stripTrailingZeros().toPlainString() + " h";
    }
}
