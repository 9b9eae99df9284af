package io.perpcarry.emulator;

/**
 * Which requests a fault applies to; every non-null field must match, null matches anything.
 * {@code path} matches when the request path starts with it ({@code "/api/v1/sendTx"} also matches
 * {@code "/api/v1/sendTxBatch"} — use the full path when that matters).
 */
public record FaultMatch(String path, Integer txType, String side, String clientOrderId, String symbol) {
    public static final FaultMatch ANY = new FaultMatch(null, null, null, null, null);

    public boolean matches(FaultRequest request) {
        return (path == null || (request.path() != null && request.path().startsWith(path)))
                && (txType == null || txType.equals(request.txType()))
                && (side == null || side.equalsIgnoreCase(request.side()))
                && (clientOrderId == null || clientOrderId.equals(request.clientOrderId()))
                && (symbol == null || symbol.equalsIgnoreCase(request.symbol()));
    }
}
