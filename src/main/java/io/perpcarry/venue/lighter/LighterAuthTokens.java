package io.perpcarry.venue.lighter;

import io.perpcarry.crypto.lighter.LighterSigner;
import java.time.Clock;
import java.time.Duration;

/**
 * Auth tokens for the account's private reads and channels, signed locally, reused until one minute before
 * their deadline (the SDK's lifetime is 10 minutes). A token is a bearer credential: it goes in the
 * Authorization header, never in a URL or a message.
 */
final class LighterAuthTokens {
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(1);

    private final LighterSigner signer;
    private final Clock clock;
    private String token;
    private long deadline;

    LighterAuthTokens(LighterSigner signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    synchronized String current() {
        long now = clock.instant().getEpochSecond();
        if (token == null || deadline - now < RENEW_BEFORE.getSeconds()) {
            deadline = now + LIFETIME.getSeconds();
            token = signer.authToken(deadline);
        }
        return token;
    }

    @Override
    public String toString() {
        return "LighterAuthTokens[token=********]";
    }
}
