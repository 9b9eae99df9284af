package io.perpcarry.venue.lighter;

import java.util.function.LongSupplier;

/**
 * The next nonce of our one API key. Fetched once from /api/v1/nextNonce, then counted locally: every
 * transaction must carry exactly the venue's next nonce. Callers send one transaction at a time (see
 * {@link LighterTransactions}), so giving a refused nonce back is exact.
 */
final class LighterNonces {
    private final LongSupplier fetchNext;
    private Long next;

    LighterNonces(LongSupplier fetchNext) {
        this.fetchNext = fetchNext;
    }

    /** The nonce for the next transaction; fetched from the venue when not known. */
    synchronized long take() {
        if (next == null) {
            next = fetchNext.getAsLong();
        }
        return next++;
    }

    /** The transaction carrying {@code used} was refused, so the venue did not consume it. */
    synchronized void giveBack(long used) {
        if (next != null && next == used + 1) {
            next = used;
        } else {
            next = null;
        }
    }

    /** The venue's count is unknown (nonce error, or a send of unknown outcome): ask it next time. */
    synchronized void forget() {
        next = null;
    }
}
