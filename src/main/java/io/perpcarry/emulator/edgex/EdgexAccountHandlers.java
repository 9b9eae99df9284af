package io.perpcarry.emulator.edgex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.perpcarry.emulator.edgex.EdgexError.Codes;
import io.perpcarry.emulator.engine.AccountSnapshot;
import io.perpcarry.emulator.engine.EngineRejection;
import io.perpcarry.emulator.engine.Exchange;
import io.perpcarry.emulator.engine.Fill;
import io.perpcarry.emulator.engine.FundingPayment;
import io.perpcarry.emulator.engine.Position;

/** {@code /api/v2/private/account/...}: asset, positions, position transactions, leverage (edgex.md §4.1, 4.2, 4.6). */
final class EdgexAccountHandlers {
    /** How far back the transaction page looks; the engine answers newest-first lists with a limit. */
    private static final int HISTORY_LIMIT = 10_000;

    private final Exchange exchange;
    private final EdgexContracts contracts;

    EdgexAccountHandlers(Exchange exchange, EdgexContracts contracts) {
        this.exchange = exchange;
        this.contracts = contracts;
    }

    void mount(EdgexRest rest) {
        rest.privateGet("account/getAccountAsset", this::accountAsset);
        rest.privateGet("account/getAccountById", this::accountById);
        rest.privateGet("account/getPositionByContractId", this::positions);
        rest.privateGet("account/getCollateralByCoinId", this::collateral);
        rest.privateGet("account/getPositionTransactionPage", this::transactionPage);
        rest.privatePost("account/updateLeverageSetting", this::updateLeverage);
    }

    JsonNode assetOf(EdgexAccount a) {
        return EdgexAccountViews.accountAsset(a, snapshot(a), contracts, leverageOf(a));
    }

    /** The account's leverage per contract, from the engine (the market default until set). */
    Map<Long, Integer> leverageOf(EdgexAccount a) {
        Map<Long, Integer> out = new LinkedHashMap<>();
        for (EdgexContract c : contracts.all()) {
            out.put(c.contractId(), exchange.leverage(a.accountId(), c.symbol()));
        }
        return out;
    }

    private AccountSnapshot snapshot(EdgexAccount a) {
        try {
            return exchange.account(a.accountId());
        } catch (EngineRejection e) {
            throw EdgexError.business(Codes.INVALID_ACCOUNT_ID, "account " + a.id() + " is unknown to the engine");
        }
    }

    private JsonNode accountAsset(EdgexCall call) {
        return assetOf(call.ownAccount());
    }

    private JsonNode accountById(EdgexCall call) {
        EdgexAccount a = call.ownAccount();
        return EdgexAccountViews.account(a, snapshot(a), contracts, leverageOf(a));
    }

    private JsonNode positions(EdgexCall call) {
        EdgexAccount a = call.ownAccount();
        AccountSnapshot s = snapshot(a);
        Set<String> wanted = ids(EdgexParams.queryList(call.query(), "contractIdList"));
        ArrayNode out = EdgexJson.array();
        for (Position p : s.positions()) {
            EdgexContract c = contracts.bySymbol(p.symbol());
            if (wanted.isEmpty() || wanted.contains(c.id())) {
                out.add(EdgexAccountViews.position(a, c, p, s));
            }
        }
        return out;
    }

    private JsonNode collateral(EdgexCall call) {
        EdgexAccount a = call.ownAccount();
        return EdgexJson.array().add(EdgexAccountViews.collateral(a, snapshot(a)));
    }

    private JsonNode transactionPage(EdgexCall call) {
        EdgexAccount a = call.ownAccount();
        int size = EdgexParams.size(call.query(), 100);
        int offset = EdgexPage.offset(call.query());
        Set<String> types = Set.copyOf(EdgexParams.queryList(call.query(), "filterTypeList"));
        Set<String> contractIds = ids(EdgexParams.queryList(call.query(), "filterContractIdList"));
        long from = EdgexPage.time(call.query(), "filterStartCreatedTimeInclusive", java.time.Instant.EPOCH).toEpochMilli();
        long to = EdgexPage.time(call.query(), "filterEndCreatedTimeExclusive",
                java.time.Instant.ofEpochMilli(Long.MAX_VALUE)).toEpochMilli();

        List<JsonNode> rows = new ArrayList<>();
        for (Fill f : exchange.fills(a.accountId(), null, HISTORY_LIMIT)) {
            rows.add(EdgexAccountViews.fillTransaction(a, contracts.bySymbol(f.symbol()), f));
        }
        for (FundingPayment p : exchange.fundingPayments(a.accountId(), null, HISTORY_LIMIT)) {
            rows.add(EdgexAccountViews.fundingTransaction(a, contracts.bySymbol(p.symbol()), p));
        }
        List<JsonNode> kept = rows.stream()
                .filter(r -> types.isEmpty() || types.contains(r.get("type").asText()))
                .filter(r -> contractIds.isEmpty() || contractIds.contains(r.get("contractId").asText()))
                .filter(r -> {
                    long t = r.get("createdTime").asLong();
                    return t >= from && t < to;
                })
                // newest first; ties (same instant) by id so pages are stable
                .sorted(Comparator.comparingLong((JsonNode r) -> r.get("createdTime").asLong())
                        .thenComparing(r -> r.get("id").asText()).reversed())
                .toList();
        return EdgexPage.of(kept, offset, size, r -> r);
    }

    private JsonNode updateLeverage(EdgexCall call) {
        EdgexAccount a = call.ownAccount();
        EdgexContract c = contracts.byId(EdgexParams.text(call.body(), "contractId"));
        String text = EdgexParams.text(call.body(), "leverage");
        int lev;
        try {
            lev = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw EdgexError.business(Codes.INVALID_LEVERAGE, "leverage must be a whole number: " + text);
        }
        try {
            exchange.setLeverage(a.accountId(), c.symbol(), lev, true);
        } catch (EngineRejection e) {
            throw EdgexEngineErrors.of(e.reason(), e.getMessage());
        }
        return EdgexJson.object();
    }

    private static Set<String> ids(List<String> list) {
        return Set.copyOf(list);
    }
}
