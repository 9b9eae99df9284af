package io.perpcarry.emulator.edgex;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The venue's paging: {@code {dataList, nextPageOffsetData}}, the offset opaque to clients. Here it
 * is the index of the next row in the (newest-first) list, as text; "" when there is no next page.
 */
final class EdgexPage {
    private EdgexPage() {
    }

    static int offset(Map<String, String> query) {
        String v = query.get("offsetData");
        if (v == null || v.isEmpty()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw EdgexError.badRequest("offsetData was not issued by this server: " + v);
        }
    }

    static Instant time(Map<String, String> query, String key, Instant absent) {
        String v = query.get(key);
        if (v == null || v.isEmpty()) {
            return absent;
        }
        return Instant.ofEpochMilli(EdgexParams.id(key, v));
    }

    /** One page of {@code rows} (which must hold at least offset + size + 1 rows when more exist). */
    static <T> JsonNode of(List<T> rows, int offset, int size, Function<T, JsonNode> view) {
        ObjectNode page = EdgexJson.object();
        ArrayNode list = page.putArray("dataList");
        int end = Math.min(rows.size(), offset + size);
        for (int i = offset; i < end; i++) {
            list.add(view.apply(rows.get(i)));
        }
        page.put("nextPageOffsetData", rows.size() > end ? Integer.toString(end) : "");
        return page;
    }
}
