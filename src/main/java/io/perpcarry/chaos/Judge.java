package io.perpcarry.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import io.perpcarry.state.BotSnapshot;
import io.perpcarry.state.Journal;
import io.perpcarry.state.JournalEntry;
import io.perpcarry.state.StateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Judges a settled run from the venues' side (emulator admin API) and the bot's files. */
final class Judge {
    private Judge() {
    }

    static Verdict judge(EmulatorProcess ex, Path data) throws IOException {
        Verdict v = new Verdict();
        Optional<BotSnapshot> state = Optional.empty();
        try {
            state = StateStore.load(data.resolve(StateStore.FILE_NAME));
        } catch (UncheckedIOException e) {
            v.unreadableState++;
            v.problem("state.json unreadable: " + e.getMessage());
        }
        List<JournalEntry> journal = List.of();
        try {
            Path jf = data.resolve("journal.jsonl");
            journal = Files.exists(jf) ? Journal.read(jf) : List.of();
        } catch (RuntimeException e) {
            v.problem("journal unreadable: " + e.getMessage());
        }
        Map<String, Map<String, BigDecimal>> held = ex.holdings();
        Map<String, BigDecimal> lighter = held.get("LIGHTER");
        Map<String, BigDecimal> edgex = held.get("EDGEX");
        Set<String> symbols = new TreeSet<>(lighter.keySet());
        symbols.addAll(edgex.keySet());
        boolean halted = state.map(s -> "HALTED".equals(s.state())).orElse(false);
        for (String sym : symbols) {
            BigDecimal l = lighter.getOrDefault(sym, BigDecimal.ZERO);
            BigDecimal e = edgex.getOrDefault(sym, BigDecimal.ZERO);
            if (l.signum() == 0 || e.signum() == 0) {
                v.nakedLegs++;
                v.outcome = "NAKED";
                v.problem("naked leg " + sym + ": Lighter " + l + ", EdgeX " + e);
            } else if (l.add(e).signum() != 0) {
                v.nakedLegs++;
                v.outcome = "UNEQUAL";
                v.problem("unequal legs " + sym + ": Lighter " + l + ", EdgeX " + e);
            } else if (!v.outcome.equals("NAKED") && !v.outcome.equals("UNEQUAL")) {
                v.outcome = "HEDGED";
            }
            BigDecimal planned = plannedSize(journal, sym);
            BigDecimal largest = l.abs().max(e.abs());
            if (planned == null || largest.compareTo(planned) > 0) {
                v.oversize++;
                v.problem("hedge " + sym + " of " + largest + " larger than planned " + planned);
            }
            if (!halted && !knownToBot(state, sym, l, e)) {
                v.unknownExposure++;
                v.problem("exposure the bot does not know: " + sym + " Lighter " + l + ", EdgeX " + e + "; state.json "
                        + state.map(BotSnapshot::state).orElse("absent"));
            }
        }
        if (halted) {
            v.outcome = "HALTED (" + state.get().haltReason() + ")" + (v.nakedLegs > 0 ? " with " + v.outcome + " legs" : "");
        }
        Map<String, Integer> sent = new HashMap<>();
        for (JsonNode r : ex.placements()) {
            String id = r.path("clientOrderId").asText(null);
            if (id != null && !id.equals("null")) {
                sent.merge(r.path("venue").asText() + " " + id, 1, Integer::sum);
            }
        }
        sent.forEach((id, n) -> {
            if (n > 1) {
                v.duplicateIds++;
                v.problem("client order id sent " + n + " times: " + id);
            }
        });
        Set<String> journaled = new HashSet<>();
        for (JournalEntry e : journal) {
            if (e.type().equals("order_sent")) {
                journaled.add(e.text("client_order_id").orElse("?"));
            }
        }
        for (String key : sent.keySet()) {
            String id = key.substring(key.indexOf(' ') + 1);
            if (!journaled.contains(id)) {
                v.journalLost++;
                v.problem("order " + key + " reached the venue but is not in the journal");
            }
        }
        return v;
    }

    /** The largest opening leg the journal planned for {@code symbol} (null when none). */
    private static BigDecimal plannedSize(List<JournalEntry> journal, String symbol) {
        BigDecimal max = null;
        for (JournalEntry e : journal) {
            if (e.type().equals("order_sent") && e.text("symbol").orElse("").equals(symbol)
                    && e.text("role").orElse("").startsWith("OPEN")) {
                BigDecimal s = new BigDecimal(e.text("size").orElse("0"));
                max = max == null ? s : max.max(s);
            }
        }
        return max;
    }

    private static boolean knownToBot(Optional<BotSnapshot> state, String sym, BigDecimal l, BigDecimal e) {
        if (state.isEmpty() || state.get().position() == null) {
            return false;
        }
        BotSnapshot.PositionView p = state.get().position();
        return p.symbol().equals(sym) && p.legs().stream().allMatch(leg -> {
            BigDecimal size = new BigDecimal(leg.size()).abs();
            BigDecimal at = leg.venue().toUpperCase().startsWith("L") ? l : e;
            return size.compareTo(at.abs()) == 0;
        });
    }
}
