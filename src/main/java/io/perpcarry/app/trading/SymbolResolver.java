package io.perpcarry.app.trading;

import io.perpcarry.app.VenueSession;
import io.perpcarry.config.Levenshtein;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Turns what the operator typed into a symbol both venues list, or an error naming the closest listed ones. */
public final class SymbolResolver {
    private SymbolResolver() {
    }

    public static String resolve(VenueSession s, String typed) {
        String sym = typed.trim().toUpperCase(Locale.ROOT);
        Set<String> lighter = s.lighter().markets().keySet();
        Set<String> edgex = s.edgex().markets().keySet();
        if (lighter.contains(sym) && edgex.contains(sym)) {
            return sym;
        }
        if (lighter.contains(sym) || edgex.contains(sym)) {
            throw new UsageException(sym + " is listed only on " + (lighter.contains(sym) ? "Lighter" : "EdgeX")
                    + "; a hedge needs both venues");
        }
        Set<String> both = new TreeSet<>(lighter);
        both.retainAll(edgex);
        List<String> near = Levenshtein.closest(sym, both, 3);
        String closest = near.isEmpty() ? "none" : String.join(", ", near);
        throw new UsageException("unknown symbol " + typed + ": not listed on both venues; closest listed: " + closest);
    }
}
