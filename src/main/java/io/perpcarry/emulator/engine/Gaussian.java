package io.perpcarry.emulator.engine;

import java.util.SplittableRandom;

/** Standard normal draws by Box-Muller, reproducible across JDK versions. */
final class Gaussian {
    private Gaussian() {
    }

    static double next(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        // 1 - u1 is in (0, 1], so the log is finite
        return Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
