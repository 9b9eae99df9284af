package io.perpcarry.app;

import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.domain.Opportunity;
import io.perpcarry.domain.Venue;
import io.perpcarry.strategy.OpportunityRanker;
import io.perpcarry.strategy.Ranking;
import io.perpcarry.ui.FundingTable;
import io.perpcarry.venue.VenueConnector;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The funding table: every symbol's APR on both venues and the net carry after costs, best row marked. Books come
 * from the streams (needed for slippage); the REST budget is constant: markets, funding and tickers, at most 8
 * requests for both venues whatever the symbol count.
 */
@Command(name = "funding-all", description = "Funding table: APR per venue, net APR after costs, best hedge.")
public final class FundingAllCommand extends VenueCommand {
    @Option(names = "--symbols", split = ",", paramLabel = "A,B,...", description = "Symbols (default: symbols_to_monitor)")
    List<String> symbols;

    @Option(names = "--wait-seconds", paramLabel = "N", defaultValue = "10",
            description = "How long to wait for fresh books before ranking what is fresh (default: 10)")
    int waitSeconds;

    public FundingAllCommand() {
        this(VenueSession::open);
    }

    FundingAllCommand(SessionOpener opener) {
        super(opener);
    }

    @Override
    int run(VenueSession session, PrintWriter out) throws InterruptedException {
        if (waitSeconds < 0 || waitSeconds > 120) {
            throw CommandFailure.usage("--wait-seconds must be 0..120, got " + waitSeconds);
        }
        List<String> wanted = CommandSupport.symbols(symbols, session.config().symbolsToMonitor());
        if (symbols != null && !symbols.isEmpty()) {
            // Asked for by name: a typo must fail loudly. Configured symbols not listed just show as rows.
            CommandSupport.requireListedSomewhere(wanted, CommandSupport.listedAnywhere(session));
        }
        session.startStreams(wanted);
        Map<Venue, List<String>> stale = CommandSupport.awaitFreshBooks(session, wanted, Duration.ofSeconds(waitSeconds));

        List<MarketSnapshot> snapshots = new ArrayList<>();
        for (VenueConnector v : session.venues()) {
            // Only fresh symbols: a stale one would cost a REST book (or be ranked on old prices).
            List<String> fresh = wanted.stream().filter(s -> v.markets().containsKey(s) && !stale.get(v.venue()).contains(s))
                    .toList();
            if (!fresh.isEmpty()) {
                snapshots.addAll(v.snapshots(fresh).values());
            }
        }
        Ranking ranking = explainMissing(new OpportunityRanker(session.config().rankingRules()).rank(snapshots),
                wanted, stale, waitSeconds);
        FundingTable table = FundingTable.of(ranking, snapshots);
        if (json) {
            out.println(CommandSupport.json(table.toJson()));
            return 0;
        }
        String held = CommandSupport.heldSymbol(AppPaths.defaults().daemonDataDir(session.environment().mode())).orElse(null);
        out.print(table.render(table.rows().size(), held));
        out.printf("net APR after fees, slippage and basis for %s USD a leg held %s h; min net APR %s%%%n",
                session.config().notionalPerPosition().toPlainString(),
                session.config().holdDurationHours().stripTrailingZeros().toPlainString(),
                session.config().minNetAprThresholdPct().stripTrailingZeros().toPlainString());
        stale.forEach((venue, list) -> {
            if (!list.isEmpty()) {
                out.println("not fresh after " + waitSeconds + " s on " + venue.displayName() + ": " + String.join(", ", list));
            }
        });
        return 0;
    }

    /**
     * The ranker says "no Lighter market" for a symbol it got no snapshot of; when the venue does list it the truth is
     * a stale book, and a symbol with no snapshot on either venue would be missing altogether.
     */
    static Ranking explainMissing(Ranking ranking, List<String> wanted, Map<Venue, List<String>> stale, int waitSeconds) {
        List<Opportunity> rows = new ArrayList<>();
        for (Opportunity o : ranking.rows()) {
            rows.add(staleReason(o.symbol(), stale, waitSeconds).map(r -> Opportunity.unavailable(o.symbol(), r)).orElse(o));
        }
        List<String> ranked = rows.stream().map(Opportunity::symbol).toList();
        for (String s : wanted) {
            if (!ranked.contains(s)) {
                rows.add(Opportunity.unavailable(s, staleReason(s, stale, waitSeconds).orElse("listed on neither venue")));
            }
        }
        return new Ranking(rows);
    }

    private static java.util.Optional<String> staleReason(String symbol, Map<Venue, List<String>> stale, int waitSeconds) {
        String venues = stale.entrySet().stream().filter(e -> e.getValue().contains(symbol))
                .map(e -> e.getKey().displayName()).collect(Collectors.joining(" and "));
        return venues.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(venues + " book not fresh after " + waitSeconds + " s");
    }
}
