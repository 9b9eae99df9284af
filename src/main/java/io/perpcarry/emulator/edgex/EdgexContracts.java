package io.perpcarry.emulator.edgex;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.perpcarry.emulator.edgex.EdgexError.Codes;
import io.perpcarry.emulator.engine.Exchange;
import io.perpcarry.emulator.engine.VenueMarket;

/** The engine's EdgeX markets by contract id and by engine symbol, in scenario order. */
public final class EdgexContracts {
    private final Map<Long, EdgexContract> byId = new LinkedHashMap<>();
    private final Map<String, EdgexContract> bySymbol = new LinkedHashMap<>();

    public EdgexContracts(Exchange exchange) {
        long coinId = EdgexContract.QUOTE_COIN_ID + 1;
        for (VenueMarket m : exchange.markets()) {
            EdgexContract c = EdgexContract.of(m, coinId++);
            byId.put(c.contractId(), c);
            bySymbol.put(c.symbol(), c);
        }
    }

    public List<EdgexContract> all() {
        return Collections.unmodifiableList(new ArrayList<>(byId.values()));
    }

    /** The contract named by a {@code contractId} text, or the venue's INVALID_CONTRACT_ID. */
    public EdgexContract byId(String contractId) {
        EdgexContract c = null;
        try {
            c = byId.get(Long.parseLong(contractId.strip()));
        } catch (NumberFormatException e) {
            // falls through to the venue's error below
        }
        if (c == null) {
            throw EdgexError.business(Codes.INVALID_CONTRACT_ID, "invalid contractId:" + contractId);
        }
        return c;
    }

    public EdgexContract bySymbol(String symbol) {
        EdgexContract c = bySymbol.get(symbol);
        if (c == null) {
            throw new IllegalStateException("engine symbol without an EdgeX contract: " + symbol);
        }
        return c;
    }

    /** The listed contract ids, or all contracts when the list is empty (an absent filter). */
    public List<EdgexContract> select(List<String> contractIds) {
        if (contractIds.isEmpty()) {
            return all();
        }
        List<EdgexContract> out = new ArrayList<>();
        for (String id : contractIds) {
            out.add(byId(id));
        }
        return out;
    }
}
