package io.perpcarry.venue.common;

/**
 * A venue's continuity rule for book updates: is this update the next one after the last applied, a repeat, or did
 * something go missing (a gap, after which only a fresh snapshot makes the book usable again)?
 */
public interface BookSequence {
    enum Verdict { NEXT, REPEAT, GAP }

    /** @param last the {@code last} of the previous message applied (snapshot or update) */
    Verdict check(long last, BookDelta update);

    /**
     * Lighter {@code order_book/{id}}: an update's {@code begin_nonce} equals the previous message's {@code nonce}
     * (the snapshot's begin_nonce is 0). Recorded live (captures/lighter/ws_order_book.json) and the emulator's rule.
     */
    BookSequence LIGHTER_NONCE = (last, u) -> u.first() == last ? Verdict.NEXT
            : u.last() <= last ? Verdict.REPEAT : Verdict.GAP;

    /**
     * EdgeX {@code depth.{contractId}.{level}}: an update's {@code startVersion} equals the previous
     * {@code endVersion} (recorded live over 9 consecutive frames: captures/edgex/ws_depth.json; the emulator chains
     * the same way, EdgexConformanceTest). An update ending at or before the last applied version is a repeat;
     * anything else, {@code startVersion == endVersion + 1} included, is a gap.
     */
    BookSequence EDGEX_VERSION = (last, u) -> u.last() <= last ? Verdict.REPEAT
            : u.first() == last ? Verdict.NEXT : Verdict.GAP;
}
