package io.perpcarry.ui;

import io.perpcarry.domain.Opportunity;
import io.perpcarry.domain.Venue;
import java.math.BigDecimal;

/**
 * One symbol of the funding table: each venue's APR and the ranked hedge. Numbers are null where a venue
 * does not list the symbol or the value cannot be computed.
 */
public record FundingTableRow(String symbol, BigDecimal lighterAprPct, BigDecimal edgexAprPct, Opportunity opportunity,
                              boolean best) {
    public Venue longVenue() {
        return opportunity.longVenue();
    }

    public Venue shortVenue() {
        return opportunity.shortVenue();
    }
}
