package io.perpcarry.engine;

import io.perpcarry.domain.Venue;
import io.perpcarry.state.CycleResult;
import io.perpcarry.state.Journal;
import io.perpcarry.state.StateStore;
import io.perpcarry.venue.FundingPayment;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A settlement stamped at or before a cycle's close may be published by the venue a moment after the closer read
 * the funding (chaos soak defect 9). Once a finished cycle is {@link #AFTER_CLOSE} past its close (engine clock),
 * each venue's payments stamped in its open..close window are read again; {@link RotationEngine#onFundingRechecked}
 * books a difference ({@code funding_adjusted}) and journals {@code funding_rechecked}. Crash-safe: a cycle without that line is rechecked after a restart, and the
 * booked figure is replaced by what was paid, never added to, so a second pass cannot count twice.
 */
public final class FundingRecheck {
    private static final Logger LOG = LoggerFactory.getLogger(FundingRecheck.class);
    /**
     * A bounded settle delay: venues publish a settlement within seconds to minutes of its stamp (the emulator at
     * x1200 within a few market minutes); an hour after the close every payment stamped up to it is published.
     */
    static final Duration AFTER_CLOSE = Duration.ofHours(1);
    /** Older cycles are not rechecked (a bot stopped for days): their payments may be past the venues' history pages. */
    static final Duration HORIZON = Duration.ofDays(2);

    private final Venues venues;
    private final StateStore store;
    private final Journal journal;
    private final Clock clock;
    private Set<Long> rechecked;

    public FundingRecheck(Venues venues, StateStore store, Journal journal, Clock clock) {
        this.venues = venues;
        this.store = store;
        this.journal = journal;
        this.clock = clock;
    }

    /** What each venue paid a finished cycle in its open..close window, re-read after the close. */
    public record Paid(long cycleId, String symbol, Map<Venue, BigDecimal> paid) {
    }

    /**
     * The finished cycles due for their recheck, with what the venues paid. A venue that cannot be read leaves the
     * cycle for the next pass; a cycle returned is not returned again (its engine step journals it as rechecked).
     */
    public synchronized List<Paid> due() {
        if (rechecked == null) {
            rechecked = new HashSet<>(); // once per process, streamed: only the marker lines are parsed
            journal.forEachOfType(Set.of("funding_rechecked"), e -> rechecked.add(e.number("cycle_id")));
        }
        Instant now = clock.instant();
        List<Paid> out = new ArrayList<>();
        for (CycleResult r : store.history()) {
            if (rechecked.contains(r.cycleId()) || now.isBefore(r.closedAt().plus(AFTER_CLOSE))
                    || r.closedAt().isBefore(now.minus(HORIZON))) {
                continue;
            }
            try {
                Map<Venue, BigDecimal> paid = new EnumMap<>(Venue.class);
                for (Venue v : Venue.values()) {
                    paid.put(v, paidIn(v, r));
                }
                out.add(new Paid(r.cycleId(), r.symbol(), paid));
                rechecked.add(r.cycleId());
            } catch (VenueException e) {
                LOG.warn("funding of cycle {} not rechecked yet ({}); next pass", r.cycleId(), e.getMessage());
            }
        }
        return out;
    }

    private BigDecimal paidIn(Venue v, CycleResult r) {
        return venues.read(v, () -> venues.get(v).fundingPayments(r.openedAt())).stream()
                .filter(f -> f.symbol().equals(r.symbol()) && !f.settledAt().isAfter(r.closedAt()))
                .map(FundingPayment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
