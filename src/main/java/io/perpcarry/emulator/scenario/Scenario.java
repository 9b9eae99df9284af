package io.perpcarry.emulator.scenario;

import io.perpcarry.emulator.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything an emulator run starts from (see {@code config/demo/scenario.json} and the README for the format).
 *
 * @param seed            drives every random walk; the same seed and calls give the same prices and rates
 * @param timeScale       default speed-up of scenario time over wall time for the demo ({@link io.perpcarry.emulator.ScaledClock})
 * @param step            fixed simulation step (price walk, resting-order checks, liquidations)
 * @param fundingTick     how often funding estimates change (scenario time)
 * @param fundingHistory  how much settled funding history exists before the start (at each path's first rate)
 */
public record Scenario(
        long seed,
        double timeScale,
        Duration step,
        Duration fundingTick,
        Duration fundingHistory,
        List<MarketSpec> markets,
        List<LighterAccountSpec> lighterAccounts,
        List<EdgexAccountSpec> edgexAccounts,
        List<Fault> faults) {

    public Scenario {
        markets = List.copyOf(markets);
        lighterAccounts = List.copyOf(lighterAccounts);
        edgexAccounts = List.copyOf(edgexAccounts);
        faults = List.copyOf(faults);
    }

    public Optional<MarketSpec> market(String symbol) {
        return markets.stream().filter(m -> m.symbol().equals(symbol)).findFirst();
    }
}
