package io.perpcarry.app.trading;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A close's before/after inventories, what was done, and the verdict read back from the venues. */
public record CloseReport(List<String> symbols, Inventory before, Inventory after, List<String> actions,
                          String message, int exitCode) {
    public boolean flat() {
        return exitCode == ExitCodes.OK;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbols", symbols);
        m.put("flat", flat());
        m.put("actions", actions);
        m.put("before", before.toJson());
        m.put("after", after.toJson());
        m.put("message", message);
        return m;
    }
}
