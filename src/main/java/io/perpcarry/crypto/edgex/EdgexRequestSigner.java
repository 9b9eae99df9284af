package io.perpcarry.crypto.edgex;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC authentication of EdgeX v2 private REST calls: {@code X-edgeX-Signature} is the lowercase
 * hex HMAC-SHA256 of {@code timestamp + METHOD + requestUri + payload}, keyed by the ASCII text of
 * base64(apiSecret). {@code requestUri} is the path only (e.g. {@code /api/v2/private/order/createOrder});
 * the query string of a GET goes into the payload (see {@link EdgexCanonicalPayload}).
 *
 * <p>Nothing secret appears in {@link #toString()} or in exceptions.
 */
public final class EdgexRequestSigner {
    public static final String DEFAULT_HEADER_KEY = "edgeX";

    /** Outcome of {@link #verify}; anything but {@code VALID} must be refused. */
    public enum Verification {
        VALID, MISSING_HEADER, WRONG_API_KEY, WRONG_PASSPHRASE, BAD_SIGNATURE
    }

    private static final List<String> SIGNED_PATH_PARTS = List.of(
            "private", "/opt/", "invite", "points", "/public/codeinfo", "nft", "vault", "public/info", "/download");

    private final EdgexApiCredentials credentials;
    private final String headerKey;
    private final Clock clock;
    private final SecretKeySpec hmacKey;

    public EdgexRequestSigner(EdgexApiCredentials credentials) {
        this(credentials, DEFAULT_HEADER_KEY, Clock.systemUTC());
    }

    public EdgexRequestSigner(EdgexApiCredentials credentials, String headerKey, Clock clock) {
        this.credentials = EdgexSigningException.require(credentials, "credentials");
        this.headerKey = EdgexSigningException.require(headerKey, "headerKey");
        this.clock = EdgexSigningException.require(clock, "clock");
        if (headerKey.isBlank()) {
            throw EdgexSigningException.invalidArgument("headerKey must not be blank");
        }
        // The SDK keys the HMAC with the base64 *text* of the secret, not with the decoded secret.
        byte[] key = Base64.getEncoder().encode(credentials.apiSecret().getBytes(StandardCharsets.UTF_8));
        this.hmacKey = new SecretKeySpec(key, "HmacSHA256");
    }

    /** Headers for a GET: the payload is the sorted query string. */
    public EdgexAuthHeaders signGet(String path, Map<String, String> queryParams) {
        return sign("GET", path, EdgexCanonicalPayload.ofQuery(queryParams), clock.millis());
    }

    /** Headers for a POST: the payload is the canonical rendering of the JSON body. */
    public EdgexAuthHeaders signPost(String path, Map<String, ?> jsonBody) {
        return sign("POST", path, EdgexCanonicalPayload.ofJsonBody(jsonBody), clock.millis());
    }

    /** Headers for an already-built payload, stamped with the signer's clock. */
    public EdgexAuthHeaders sign(String method, String requestUri, String payload) {
        return sign(method, requestUri, payload, clock.millis());
    }

    /** Headers for an already-built payload at an explicit time. */
    public EdgexAuthHeaders sign(String method, String requestUri, String payload, long timestampMillis) {
        if (timestampMillis <= 0) {
            throw EdgexSigningException.invalidArgument("timestampMillis must be positive");
        }
        String ts = Long.toString(timestampMillis);
        return new EdgexAuthHeaders(headerKey, credentials.apiKey(), credentials.passphrase(),
                signature(ts, method, requestUri, payload), ts);
    }

    /** The lowercase hex HMAC-SHA256 of {@code timestamp + method + requestUri + payload}. */
    public String signature(String timestamp, String method, String requestUri, String payload) {
        requireText(timestamp, "timestamp");
        requireText(requestUri, "requestUri");
        EdgexSigningException.require(payload, "payload");
        if (!requireText(method, "method").equals(method.toUpperCase(Locale.ROOT))) {
            throw EdgexSigningException.invalidArgument("method must be upper case: " + method);
        }
        if (requestUri.indexOf('?') >= 0) {
            throw EdgexSigningException.invalidArgument("requestUri must be the path only; put the query in the payload");
        }
        return HexCodec.toHex(hmac((timestamp + method + requestUri + payload).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Checks the auth headers of a received request against these credentials (emulator side).
     * Header names are matched case-insensitively, as HTTP requires. Timestamp freshness is the
     * caller's policy and is not checked here.
     */
    public Verification verify(String method, String requestUri, String payload, Map<String, String> headers) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(EdgexSigningException.require(headers, "headers"));
        String key = h.get(EdgexAuthHeaders.apiKeyHeader(headerKey));
        String pass = h.get(EdgexAuthHeaders.passphraseHeader(headerKey));
        String sig = h.get(EdgexAuthHeaders.signatureHeader(headerKey));
        String ts = h.get(EdgexAuthHeaders.timestampHeader(headerKey));
        if (key == null || pass == null || sig == null || ts == null || ts.isEmpty()) {
            return Verification.MISSING_HEADER;
        }
        if (!constantTimeEquals(key, credentials.apiKey())) {
            return Verification.WRONG_API_KEY;
        }
        if (!constantTimeEquals(pass, credentials.passphrase())) {
            return Verification.WRONG_PASSPHRASE;
        }
        String expected = signature(ts, method, requestUri, payload);
        return constantTimeEquals(sig, expected) ? Verification.VALID : Verification.BAD_SIGNATURE;
    }

    /**
     * Whether the SDK signs a request to {@code path}: anything under {@code private} and a few
     * other families; metadata, quotes and funding go out without auth headers.
     */
    public static boolean isSignedPath(String path) {
        String p = EdgexSigningException.require(path, "path").toLowerCase(Locale.ROOT);
        for (String part : SIGNED_PATH_PARTS) {
            if (p.contains(part)) {
                return true;
            }
        }
        return p.startsWith("/ranking") || p.startsWith("/activity");
    }

    public String headerKey() {
        return headerKey;
    }

    @Override
    public String toString() {
        return "EdgexRequestSigner[headerKey=" + headerKey + ", credentials=***]";
    }

    private byte[] hmac(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hmacKey);
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // HmacSHA256 is mandatory in every JRE and accepts keys of any length.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String requireText(String s, String name) {
        if (EdgexSigningException.require(s, name).isEmpty()) {
            throw EdgexSigningException.invalidArgument(name + " must not be empty");
        }
        return s;
    }
}
