package io.perpcarry.emulator.edgex;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.perpcarry.crypto.edgex.EdgexAuthHeaders;
import io.perpcarry.crypto.edgex.EdgexRequestSigner;
import io.perpcarry.emulator.edgex.EdgexError.Codes;

/**
 * Checks the v2 HMAC headers of a private request exactly as the SDK builds them (edgex.md §2.2):
 * the API key names a registered account, the passphrase matches, the timestamp is within the
 * window, and the signature is the HMAC over {@code timestamp + METHOD + path + payload}.
 *
 * <p>The timestamp is compared with {@code wallClock}, not with the emulator's (possibly
 * accelerated) market clock: clients stamp requests with their own wall time.
 */
public final class EdgexAuth {
    private final Map<String, EdgexAccount> byApiKey;
    private final Map<String, EdgexRequestSigner> verifiers = new LinkedHashMap<>();
    private final Clock wallClock;
    private final Duration window;
    private final String headerKey;

    public EdgexAuth(Collection<EdgexAccount> accounts, Clock wallClock, Duration window) {
        this.byApiKey = new LinkedHashMap<>();
        for (EdgexAccount a : accounts) {
            if (byApiKey.put(a.credentials().apiKey(), a) != null) {
                throw new IllegalArgumentException("two accounts share an API key: " + a);
            }
            verifiers.put(a.credentials().apiKey(), a.verifier());
        }
        this.wallClock = wallClock;
        this.window = window;
        this.headerKey = EdgexRequestSigner.DEFAULT_HEADER_KEY;
    }

    /**
     * The authenticated account, or an {@link EdgexError} naming what is wrong.
     *
     * @param payload the canonical payload: sorted query for GET, canonical body for POST
     */
    public EdgexAccount authenticate(String method, String path, String payload, Map<String, String> rawHeaders) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(rawHeaders);
        String apiKey = h.get(EdgexAuthHeaders.apiKeyHeader(headerKey));
        String ts = h.get(EdgexAuthHeaders.timestampHeader(headerKey));
        for (String name : List.of(EdgexAuthHeaders.apiKeyHeader(headerKey), EdgexAuthHeaders.passphraseHeader(headerKey),
                EdgexAuthHeaders.signatureHeader(headerKey), EdgexAuthHeaders.timestampHeader(headerKey))) {
            String v = h.get(name);
            if (v == null || v.isEmpty()) {
                throw EdgexError.unauthorized(Codes.AUTH_HEADER_MISSING, "missing header " + name);
            }
        }
        EdgexAccount account = byApiKey.get(apiKey);
        if (account == null) {
            throw EdgexError.unauthorized(Codes.INVALID_API_KEY, "unknown api key");
        }
        checkTimestamp(ts);
        EdgexRequestSigner.Verification v = verifiers.get(apiKey).verify(method, path, payload, h);
        switch (v) {
            case VALID:
                return account;
            case WRONG_PASSPHRASE:
                throw EdgexError.unauthorized(Codes.INVALID_PASSPHRASE, "passphrase does not match the api key");
            case BAD_SIGNATURE:
                throw EdgexError.unauthorized(Codes.INVALID_SIGNATURE, "signature does not match the request");
            default:
                throw EdgexError.unauthorized(Codes.INVALID_SIGNATURE, "request authentication failed: " + v);
        }
    }

    public Optional<EdgexAccount> account(long accountId) {
        return byApiKey.values().stream().filter(a -> a.accountId() == accountId).findFirst();
    }

    public Collection<EdgexAccount> accounts() {
        return byApiKey.values();
    }

    private void checkTimestamp(String ts) {
        long t;
        try {
            t = Long.parseLong(ts);
        } catch (NumberFormatException e) {
            throw EdgexError.unauthorized(Codes.INVALID_TIMESTAMP, "timestamp is not epoch milliseconds: " + ts);
        }
        long skew = Math.abs(wallClock.millis() - t);
        if (skew > window.toMillis()) {
            throw EdgexError.unauthorized(Codes.INVALID_TIMESTAMP,
                    "timestamp " + ts + " is " + skew + " ms away from server time (window " + window.toMillis() + " ms)");
        }
    }
}
