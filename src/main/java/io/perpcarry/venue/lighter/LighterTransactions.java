package io.perpcarry.venue.lighter;

import com.fasterxml.jackson.databind.JsonNode;
import io.perpcarry.crypto.lighter.LighterSigner;
import io.perpcarry.crypto.lighter.LighterTx;
import io.perpcarry.crypto.lighter.LighterTxContext;
import io.perpcarry.crypto.lighter.LighterTxValidationException;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import io.perpcarry.venue.http.HttpReply;
import io.perpcarry.venue.http.VenueHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs and sends transactions through POST /api/v1/sendTx, one at a time (so the local nonce count stays
 * exact). A refusal naming an invalid nonce means the venue did not take the transaction: the nonce is
 * fetched again and the transaction re-signed and sent once more. Any other refusal gives the nonce back;
 * a send of unknown outcome forgets the nonce (the venue may or may not have consumed it).
 */
final class LighterTransactions {
    private static final Logger LOG = LoggerFactory.getLogger(LighterTransactions.class);
    static final String SEND_TX = "/api/v1/sendTx";
    /** The signer's transaction deadline: now + 10 min − 1 s, as lighter-go sets it. */
    static final Duration TX_DEADLINE = Duration.ofMinutes(10).minusSeconds(1);

    private final VenueHttp http;
    private final LighterSigner signer;
    private final LighterNonces nonces;
    private final Clock clock;

    LighterTransactions(VenueHttp http, LighterSigner signer, LighterNonces nonces, Clock clock) {
        this.http = http;
        this.signer = signer;
        this.nonces = nonces;
        this.clock = clock;
    }

    /** Builds the transaction for a nonce, signs it, sends it; returns the tx hash. */
    synchronized String send(String what, Function<LighterTxContext, LighterTx> build) {
        try {
            return attempt(what, build);
        } catch (InvalidNonce first) {
            LOG.warn("Lighter {}: venue refused the nonce ({}); fetching it again and re-sending once", what, first.getMessage());
            nonces.forget();
            try {
                return attempt(what, build);
            } catch (InvalidNonce again) {
                nonces.forget();
                throw new VenueException(Venue.LIGHTER, VenueErrorKind.REJECTED, what
                        + " refused twice for an invalid nonce: " + again.getMessage(), again.code, null, null);
            }
        }
    }

    /** A transaction signed ahead with a nonce taken for it; {@link #sendPresigned} sends it. */
    record Presigned(String what, Function<LighterTxContext, LighterTx> build, long nonce, LighterSigner.SignedTx signed) {
    }

    /**
     * Takes a nonce and signs now, so that only the POST is left for the send. If another transaction overtakes
     * it, the venue refuses the nonce and the send re-signs with a fresh one (as after any invalid nonce).
     */
    synchronized Presigned presign(String what, Function<LighterTxContext, LighterTx> build) {
        long nonce = nonces.take();
        return new Presigned(what, build, nonce, sign(what, build, nonce));
    }

    synchronized String sendPresigned(Presigned p) {
        try {
            return post(p.what(), p.nonce(), p.signed());
        } catch (InvalidNonce first) {
            LOG.warn("Lighter {}: venue refused the presigned nonce ({}); re-signing with a fresh one", p.what(),
                    first.getMessage());
            nonces.forget();
            return send(p.what(), p.build());
        }
    }

    private LighterSigner.SignedTx sign(String what, Function<LighterTxContext, LighterTx> build, long nonce) {
        try {
            long expiredAt = clock.millis() + TX_DEADLINE.toMillis();
            return signer.sign(build.apply(signer.context(nonce, expiredAt)));
        } catch (LighterTxValidationException e) {
            nonces.giveBack(nonce);
            throw new VenueException(Venue.LIGHTER, VenueErrorKind.INVALID_REQUEST, what + ": " + e.getMessage());
        } catch (RuntimeException e) {
            nonces.giveBack(nonce);
            throw e;
        }
    }

    private String attempt(String what, Function<LighterTxContext, LighterTx> build) {
        long nonce = nonces.take();
        return post(what, nonce, sign(what, build, nonce));
    }

    private String post(String what, long nonce, LighterSigner.SignedTx signed) {
        String form = "tx_type=" + signed.txType() + "&tx_info=" + URLEncoder.encode(signed.txInfoJson(), StandardCharsets.UTF_8);
        HttpReply reply;
        try {
            reply = http.postReadingRefusals(SEND_TX, "application/x-www-form-urlencoded", form, Map.of());
        } catch (VenueException e) {
            if (e.kind() == VenueErrorKind.UNKNOWN_OUTCOME) {
                nonces.forget();
            } else {
                nonces.giveBack(nonce); // refused before taken: 429, 401/403, or connection refused
            }
            throw e;
        }
        JsonNode root;
        try {
            root = LighterJson.parse(reply.body(), what);
        } catch (VenueException e) {
            if (reply.isOk()) {
                // Taken, but the answer is unreadable: the order may exist. Resolve by reading back.
                nonces.forget();
                throw new VenueException(Venue.LIGHTER, VenueErrorKind.UNKNOWN_OUTCOME, what
                        + ": accepted with an unreadable answer (" + e.getMessage() + ")", null, null, e);
            }
            nonces.giveBack(nonce);
            throw e;
        }
        int code = root.path("code").asInt(reply.isOk() ? LighterJson.OK_CODE : -1);
        if (reply.isOk() && code == LighterJson.OK_CODE) {
            return txHashOrUnknown(root, what, signed.txHashHex());
        }
        VenueException refusal = LighterJson.rejected(root, what);
        if (refusal.getMessage().toLowerCase(Locale.ROOT).contains("invalid nonce")) {
            throw new InvalidNonce(root.path("message").asText(), root.path("code").asText(null));
        }
        nonces.giveBack(nonce);
        throw refusal;
    }

    private String txHashOrUnknown(JsonNode root, String what, String signedHash) {
        JsonNode hash = root.get("tx_hash");
        if (hash == null || !hash.isTextual()) {
            LOG.warn("Lighter {}: accepted without a tx_hash; using the signed hash {}", what, signedHash);
            return signedHash;
        }
        return hash.textValue();
    }

    /** The venue refused the nonce: nothing was taken. */
    private static final class InvalidNonce extends RuntimeException {
        private final String code;

        InvalidNonce(String message, String code) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
