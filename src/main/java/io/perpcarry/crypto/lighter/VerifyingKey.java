package io.perpcarry.crypto.lighter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A decoded public key prepared for repeated verification. The first use runs the generic double-scalar
 * multiplication; the second builds a comb table for the key (about five verifications' worth of work), after
 * which s·G + e·pk costs additions only. One-off keys therefore pay nothing extra.
 *
 * <p>Thread-safe: the table is built by exactly one caller and published through a volatile field; callers
 * that arrive while it is being built use the generic path.
 */
final class VerifyingKey {
    final EcGfp5 point;
    private final AtomicInteger uses = new AtomicInteger();
    private volatile long[][] comb;

    VerifyingKey(EcGfp5 point) {
        this.point = point;
    }

    /** s·G + e·pk; variable time (verification inputs are public). */
    EcGfp5 mulAddGenerator(EcGfp5Scalar s, EcGfp5Scalar e) {
        long[][] c = comb;
        if (c == null && uses.getAndIncrement() == 1) {
            c = EcGfp5Mult.combRows(point, EcGfp5Mult.WINDOW);
            comb = c;
        }
        return c != null ? EcGfp5Mult.mulAddGeneratorComb(s, c, e) : EcGfp5Mult.mulAddGenerator(s, point, e);
    }

    boolean hasTable() {
        return comb != null;
    }

    /** Bounded LRU of keys by encoding (a comb table is 80 KB, so 64 keys stay near 5 MB). */
    static final class Cache {
        private final Map<QuinticExtension, VerifyingKey> map;

        Cache(int capacity) {
            map = new LinkedHashMap<>(2 * capacity, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<QuinticExtension, VerifyingKey> eldest) {
                    return size() > capacity;
                }
            };
        }

        /** The key encoded as w, decoding on a miss; null if w encodes no group element. */
        VerifyingKey get(QuinticExtension w) {
            VerifyingKey k;
            synchronized (map) {
                k = map.get(w);
            }
            if (k != null) {
                return k;
            }
            EcGfp5 p = EcGfp5.tryDecode(w); // outside the lock: a decode costs a square root
            if (p == null) {
                return null;
            }
            synchronized (map) {
                return map.computeIfAbsent(w, x -> new VerifyingKey(p));
            }
        }

        /** The key for an already decoded point (its encoding is the cache key). */
        VerifyingKey get(EcGfp5 p) {
            QuinticExtension w = p.encodeElement();
            synchronized (map) {
                return map.computeIfAbsent(w, x -> new VerifyingKey(p));
            }
        }

        int size() {
            synchronized (map) {
                return map.size();
            }
        }
    }
}
