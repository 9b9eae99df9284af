package io.perpcarry.paper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.domain.Venue;
import io.perpcarry.state.Json;
import io.perpcarry.venue.FundingPayment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One venue's paper account on disk ({@code paper-<venue>.json}, written atomically): {@code "mode": "PAPER"}, the
 * collateral, the legs and the funding payments of the last 90 days (what {@code status --funding-hours} can ask for).
 */
final class PaperAccountFile {
    static final Duration PAYMENTS_KEPT = Duration.ofDays(90);

    private final Path file;
    private final Venue venue;

    PaperAccountFile(Path file, Venue venue) {
        this.file = file;
        this.venue = venue;
    }

    /** The file name of {@code venue}'s paper account in a data directory. */
    static String fileName(Venue venue) {
        return "paper-" + venue.wireName() + ".json";
    }

    boolean exists() {
        return Files.exists(file);
    }

    /** Fills {@code legs} and {@code payments} from the file; its collateral, or empty when there is no file. */
    Optional<BigDecimal> load(Map<String, PaperLeg> legs, List<FundingPayment> payments) {
        if (!exists()) {
            return Optional.empty();
        }
        try {
            JsonNode root = Json.MAPPER.readTree(file.toFile());
            if (!"PAPER".equals(root.path("mode").asText()) || !venue.wireName().equals(root.path("venue").asText())) {
                throw new IllegalStateException("not a " + venue.wireName() + " paper account");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("legs").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                PaperLeg l = new PaperLeg();
                l.size = new BigDecimal(e.getValue().path("size").asText());
                l.entry = new BigDecimal(e.getValue().path("entry").asText());
                String funded = e.getValue().path("funded_up_to").asText(null);
                l.fundedUpTo = funded == null ? null : Instant.parse(funded);
                legs.put(e.getKey(), l);
            }
            for (JsonNode p : root.path("funding_payments")) {
                payments.add(new FundingPayment(venue, p.path("symbol").asText(), Instant.parse(p.path("settled_at").asText()),
                        new BigDecimal(p.path("rate").asText()), new BigDecimal(p.path("position_size").asText()),
                        new BigDecimal(p.path("amount").asText())));
            }
            return Optional.of(new BigDecimal(root.path("collateral").asText()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PAPER: cannot read the paper account " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the account (temp file + rename); drops payments older than 90 days from {@code payments}. */
    void save(BigDecimal collateral, Map<String, PaperLeg> legs, List<FundingPayment> payments) {
        if (!payments.isEmpty()) {
            Instant cutoff = payments.get(payments.size() - 1).settledAt().minus(PAYMENTS_KEPT);
            payments.removeIf(p -> p.settledAt().isBefore(cutoff));
        }
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("mode", "PAPER");
        root.put("venue", venue.wireName());
        root.put("collateral", collateral.toPlainString());
        ObjectNode ls = root.putObject("legs");
        legs.forEach((symbol, l) -> {
            if (l.size.signum() != 0) {
                ObjectNode n = ls.putObject(symbol);
                n.put("size", l.size.toPlainString());
                n.put("entry", l.entry.toPlainString());
                n.put("funded_up_to", l.fundedUpTo == null ? null : l.fundedUpTo.toString());
            }
        });
        ArrayNode ps = root.putArray("funding_payments");
        for (FundingPayment p : payments) {
            ps.addObject().put("symbol", p.symbol()).put("settled_at", p.settledAt().toString())
                    .put("rate", p.rate().toPlainString()).put("position_size", p.positionSize().toPlainString())
                    .put("amount", p.amount().toPlainString());
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("PAPER: cannot save the paper account " + file, e);
        }
    }
}
