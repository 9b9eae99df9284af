package io.perpcarry.strategy;

import io.perpcarry.domain.Opportunity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** All rows of one ranking pass: eligible first by net APR descending, then the excluded rows. */
public record Ranking(List<Opportunity> rows) {
    public Ranking {
        rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
    }

    /** The hedge to put on, if any row passed every filter. */
    public Optional<Opportunity> best() {
        return rows.stream().filter(Opportunity::eligible).findFirst();
    }

    public List<Opportunity> eligible() {
        return rows.stream().filter(Opportunity::eligible).toList();
    }

    public List<Opportunity> excluded() {
        return rows.stream().filter(o -> !o.eligible()).toList();
    }

    public Optional<Opportunity> forSymbol(String symbol) {
        return rows.stream().filter(o -> o.symbol().equals(symbol)).findFirst();
    }
}
