package io.perpcarry.emulator.lighter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Registered API keys and their next nonce, per (account, key index). */
final class LighterApiKeys {
    private record Id(long account, int key) {
    }

    private static final class Slot {
        final LighterApiKey key;
        long nextNonce;

        Slot(LighterApiKey key) {
            this.key = key;
            this.nextNonce = key.firstNonce();
        }
    }

    private final Map<Id, Slot> slots = new ConcurrentHashMap<>();

    LighterApiKeys(List<LighterApiKey> keys) {
        for (LighterApiKey k : keys) {
            if (slots.putIfAbsent(new Id(k.accountIndex(), k.apiKeyIndex()), new Slot(k)) != null) {
                throw new IllegalArgumentException("API key " + k.apiKeyIndex() + " of account " + k.accountIndex()
                        + " registered twice");
            }
        }
    }

    /** @throws LighterApiException when the key is not registered */
    LighterApiKey require(long account, int key) {
        Slot s = slots.get(new Id(account, key));
        if (s == null) {
            throw LighterApiException.badRequest(LighterErrors.API_KEY_NOT_FOUND,
                    "api key not found: account " + account + " key " + key);
        }
        return s.key;
    }

    synchronized long nextNonce(long account, int key) {
        require(account, key);
        return slots.get(new Id(account, key)).nextNonce;
    }

    /**
     * Runs {@code action} if {@code nonce} is the next one (or {@code skipNonce}), then advances the nonce
     * — only when the action succeeds, since Lighter's SDK rolls back its local nonce on any failure.
     */
    synchronized <T> T withNonce(long account, int key, long nonce, boolean skipNonce,
                                 java.util.function.Supplier<T> action) {
        Slot s = slots.get(new Id(account, key));
        if (s == null) {
            throw LighterApiException.badRequest(LighterErrors.API_KEY_NOT_FOUND,
                    "api key not found: account " + account + " key " + key);
        }
        if (!skipNonce && nonce != s.nextNonce) {
            throw LighterApiException.badRequest(LighterErrors.INVALID_NONCE,
                    "invalid nonce: expected " + s.nextNonce + ", got " + nonce);
        }
        T out = action.get();
        if (!skipNonce) {
            s.nextNonce++;
        }
        return out;
    }

    /** Keys of one account (all when {@code keyIndex} is 255), by key index. */
    synchronized List<long[]> keysOf(long account, int keyIndex) {
        List<long[]> out = new ArrayList<>();
        slots.forEach((id, s) -> {
            if (id.account == account && (keyIndex == 255 || keyIndex == id.key)) {
                out.add(new long[] {id.key, s.nextNonce});
            }
        });
        out.sort(Comparator.comparingLong(a -> a[0]));
        return out;
    }

    String publicKeyHex(long account, int key) {
        return require(account, key).publicKeyHex();
    }
}
