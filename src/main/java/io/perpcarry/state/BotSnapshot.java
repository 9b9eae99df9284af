package io.perpcarry.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * What {@code data/state.json} holds; {@code mode} is "PAPER" in paper mode, absent otherwise. Plain strings for numbers (BigDecimal plain) and times (ISO-8601), snake
 * case keys, so any Jackson mapper — Camel's {@code marshal: json} included — writes the same file.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BotSnapshot(String state, boolean paused, String haltReason, String updatedAt, String lastCycleId,
                          String waitUntil, PositionView position, List<CycleView> history, StatsView stats,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String mode) {

    /** Live and demo: no mode marker. */
    public BotSnapshot(String state, boolean paused, String haltReason, String updatedAt, String lastCycleId,
                       String waitUntil, PositionView position, List<CycleView> history, StatsView stats) {
        this(state, paused, haltReason, updatedAt, lastCycleId, waitUntil, position, history, stats, null);
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PositionView(String cycleId, String symbol, String longVenue, String shortVenue, String sizeStep,
                               String openedAt, String targetCloseAt, List<LegView> legs) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LegView(String venue, String side, String size, String entryPrice) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PnlView(String trading, String fees, String funding) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CycleView(String cycleId, String symbol, String longVenue, String openedAt, String closedAt,
                            String closeReason, boolean stopLoss, Map<String, PnlView> pnl, String volumeUsd,
                            String netPnl) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record StatsView(String cycles, String stopLosses, String volumeUsd, Map<String, String> fundingReceived,
                            Map<String, String> fees, Map<String, String> tradingPnl, String netPnl) {
    }
}
