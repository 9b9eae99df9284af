package io.perpcarry.emulator.engine;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** One index-price sample per scenario minute for the last 24 h: the open, high and low of the ticker. */
final class IndexHistory {
    private record Sample(Instant time, BigDecimal price) {
    }

    private static final Duration WINDOW = Duration.ofHours(24);
    private final Deque<Sample> samples = new ArrayDeque<>();

    void add(Instant time, BigDecimal price) {
        samples.addLast(new Sample(time, price));
        Instant cutoff = time.minus(WINDOW);
        while (samples.size() > 1 && samples.peekFirst().time().isBefore(cutoff)) {
            samples.removeFirst();
        }
    }

    BigDecimal open() {
        return samples.peekFirst().price();
    }

    BigDecimal high() {
        return samples.stream().map(Sample::price).reduce(BigDecimal::max).orElseThrow();
    }

    BigDecimal low() {
        return samples.stream().map(Sample::price).reduce(BigDecimal::min).orElseThrow();
    }
}
