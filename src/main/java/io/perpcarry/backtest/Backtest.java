package io.perpcarry.backtest;

import io.perpcarry.config.BotConfig;
import io.perpcarry.domain.Venue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs every grid combination over one history and puts each beside its perfect-foresight bound. */
public final class Backtest {

    /**
     * @param botJson  the bot.json text the grid varies
     * @param capital  simulated capital per venue, USD
     */
    public static BacktestReport run(MarketHistory history, String botJson, String source, Grid grid,
                                     Map<Venue, BigDecimal> capital, CostModel cost) {
        List<BacktestRow> rows = new ArrayList<>();
        for (Map<String, String> params : grid.combinations()) {
            BotConfig config = Grid.apply(botJson, source, params);
            Simulator sim = new Simulator(config, history, capital, cost);
            RunResult r = sim.run();
            BigDecimal bound = Foresight.bestNet(config, history, sim, capital, r);
            BigDecimal capture = bound.signum() > 0
                    ? r.net().divide(bound, MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_EVEN) : null;
            rows.add(new BacktestRow(params, r, bound, capture));
        }
        Instant from = history.first();
        Instant to = history.last();
        return new BacktestReport(history.source(), history.hasBooks(), from, to, capital, cost, rows);
    }

    private Backtest() {
    }
}
