package io.perpcarry.emulator.edgex;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One REST request as a handler sees it: the query (first value of each parameter), the JSON body
 * (an empty object for GET), the authenticated account for private paths, the market time, and the
 * share of an order that may fill at once when a PARTIAL_FILL fault was planned for this request.
 */
public record EdgexCall(String method, String path, Map<String, String> query, JsonNode body,
                        Optional<EdgexAccount> account, long nowMs, Optional<BigDecimal> partialFillFraction) {

    /** The authenticated account; private handlers only. */
    public EdgexAccount requireAccount() {
        return account.orElseThrow(() -> new IllegalStateException("public path reached a private handler: " + path));
    }

    /**
     * The {@code accountId} the request names, which must be the authenticated account: a key may
     * only act on its own account.
     */
    public EdgexAccount ownAccount() {
        EdgexAccount a = requireAccount();
        String named = method.equals("GET") ? query.get("accountId") : EdgexParams.optText(body, "accountId");
        if (named == null || named.isEmpty()) {
            throw EdgexError.badRequest("accountId is required");
        }
        if (EdgexParams.id("accountId", named) != a.accountId()) {
            throw EdgexError.business(EdgexError.Codes.INVALID_ACCOUNT_ID,
                    "accountId " + named + " does not belong to this api key");
        }
        return a;
    }

    public String q(String key) {
        return EdgexParams.query(query, key);
    }
}
