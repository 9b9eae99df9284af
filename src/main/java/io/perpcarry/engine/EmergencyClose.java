package io.perpcarry.engine;

import io.perpcarry.domain.Position;
import io.perpcarry.domain.Venue;
import io.perpcarry.state.Journal;
import io.perpcarry.venue.AccountState;
import io.perpcarry.venue.OpenOrder;
import io.perpcarry.venue.VenueException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The big red button: on both venues cancel every order and close every position — the bot's or not — reduce-only,
 * then read back and verify flat. Works in any state, HALTED included. The bot is left paused (or HALTED if
 * something is still open). {@code dryRun} only lists what would be closed.
 */
public final class EmergencyClose {
    private final Venues venues;
    private final ReduceOnlyExecutor reducer;
    private final RotationEngine engine;
    private final Journal journal;
    private final Clock clock;

    public EmergencyClose(Venues venues, ReduceOnlyExecutor reducer, RotationEngine engine, Journal journal, Clock clock) {
        this.venues = venues;
        this.reducer = reducer;
        this.engine = engine;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * From the control-file route: the trigger's name or content containing "dry" means a dry run. The report is
     * written next to the trigger as {@code report-<trigger name>-<epoch>.txt}.
     */
    public String onTrigger(String triggerPath, String content) {
        Path trigger = Path.of(triggerPath);
        String name = trigger.getFileName().toString();
        boolean dry = name.toLowerCase(Locale.ROOT).contains("dry")
                || (content != null && content.toLowerCase(Locale.ROOT).contains("dry"));
        String report = run(dry, "file " + name);
        Path out = trigger.resolveSibling("report-" + name + "-" + clock.instant().getEpochSecond() + ".txt");
        try {
            Files.writeString(out, report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write emergency report " + out, e);
        }
        return report;
    }

    public synchronized String run(boolean dryRun, String trigger) {
        Instant started = clock.instant();
        journal.append("emergency_close", Map.of("dry_run", dryRun, "trigger", trigger));
        StringBuilder r = new StringBuilder();
        r.append("perpcarry emergency close").append(dryRun ? " (DRY RUN: nothing sent)" : "").append('\n')
                .append("trigger: ").append(trigger).append('\n').append("started: ").append(started).append('\n')
                .append("bot state before: ").append(engine.state()).append("\n\n");
        if (dryRun) {
            return r.append("== before ==\n").append(listing().text()).append('\n').toString();
        }
        engine.emergencyUnderway(true);
        try {
            engine.pause("emergency close");
            r.append("== before ==\n").append(listing().text()).append('\n');
            List<String> unusable = unusableVenues();
            if (!unusable.isEmpty()) {
                // flattening the other venue alone would leave a half-open hedge: nothing is sent
                String why = String.join("; ", unusable);
                r.append("== actions ==\nnothing sent: ").append(why).append('\n')
                        .append("RESULT: NOT CLOSED — the positions above are left as they were (a hedge stays whole). "
                                + "Fix the venue named above and trigger again, or close by hand. Bot halted.\n");
                journal.append("emergency_close_done", Map.of("flat", false, "reason", why));
                engine.emergencyDone(false, "nothing sent: " + why);
                return r.toString();
            }
            return flattenBoth(r, started);
        } finally {
            engine.emergencyUnderway(false);
        }
    }

    private String flattenBoth(StringBuilder r, Instant started) {
        long cycle = started.getEpochSecond();
        Map<Venue, CompletableFuture<List<String>>> work = new EnumMap<>(Venue.class);
        for (Venue v : Venue.values()) {
            work.put(v, CompletableFuture.supplyAsync(() -> flatten(v, cycle)));
        }
        r.append("== actions ==\n");
        work.forEach((v, f) -> f.join().forEach(line -> r.append(line).append('\n')));
        Listing after = listing();
        boolean flat = after.flat();
        r.append("\n== after ==\n").append(after.text()).append('\n')
                .append(flat ? "RESULT: both venues verified flat, no open orders. Bot paused.\n"
                        : "RESULT: NOT FLAT — check the venues by hand. Bot halted.\n");
        journal.append("emergency_close_done", Map.of("flat", flat));
        engine.emergencyDone(flat, flat ? "flat" : after.text().replace('\n', ' '));
        return r.toString();
    }

    /** Venues that cannot be traded now for a lasting reason: a signed read refused (AUTH), or a clock beyond tolerance. */
    private List<String> unusableVenues() {
        List<String> out = new ArrayList<>();
        for (Venue v : Venue.values()) {
            try {
                venues.account(v);
            } catch (VenueException e) {
                if (!e.isTransient()) {
                    out.add(v.displayName() + " refuses our requests: " + e.getMessage());
                }
                continue;
            }
            VenueClocks.off(venues, v).ifPresent(out::add);
        }
        return out;
    }

    private List<String> flatten(Venue v, long cycle) {
        List<String> lines = new ArrayList<>();
        try {
            venues.get(v).cancelAllOrders();
            lines.add(v.displayName() + ": cancelled all orders");
        } catch (VenueException e) {
            lines.add(v.displayName() + ": cancel all FAILED: " + e.getMessage());
        }
        List<Position> open;
        try {
            open = venues.account(v).positions().stream().filter(p -> !p.isFlat()).toList();
        } catch (VenueException e) {
            lines.add(v.displayName() + ": positions UNKNOWN: " + e.getMessage());
            return lines;
        }
        for (Position p : open) {
            ReduceOnlyExecutor.Reduction red = reducer.reduceTo(v, p.symbol(), BigDecimal.ZERO, cycle, LegRole.EMERGENCY);
            lines.add(red.describe());
        }
        return lines;
    }

    private record Listing(String text, boolean flat) {
    }

    private Listing listing() {
        StringBuilder b = new StringBuilder();
        boolean flat = true;
        for (Venue v : Venue.values()) {
            try {
                AccountState a = venues.account(v);
                List<Position> open = a.positions().stream().filter(p -> !p.isFlat()).toList();
                List<OpenOrder> orders = venues.openOrders(v);
                if (open.isEmpty() && orders.isEmpty()) {
                    b.append(v.displayName()).append(": flat, no orders\n");
                } else {
                    flat = false;
                }
                for (Position p : open) {
                    b.append(v.displayName()).append(" HOLDS ").append(p.symbol()).append(' ')
                            .append(p.signedSize().toPlainString()).append(" @ ").append(p.entryPrice().toPlainString())
                            .append('\n');
                }
                for (OpenOrder o : orders) {
                    b.append(v.displayName()).append(" HOLDS order ").append(o.orderId()).append(' ').append(o.symbol())
                            .append(' ').append(o.side()).append(' ').append(o.remainingSize().toPlainString())
                            .append(" @ ").append(o.price().toPlainString()).append('\n');
                }
            } catch (VenueException e) {
                b.append(v.displayName()).append(": UNKNOWN (").append(e.getMessage()).append(")\n");
                flat = false; // unknown is not flat
            }
        }
        return new Listing(b.toString(), flat);
    }
}
