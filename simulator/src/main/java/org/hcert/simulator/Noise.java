package org.hcert.simulator;

import java.util.Random;
import org.hcert.telemetry.Vector3;

/**
 * Seeded sensor noise: Gaussian with standard deviation σ, clipped to ±clip. Each topic has its
 * own generator, so leaving one topic out (or dropping messages) does not change the others.
 */
final class Noise {

    private final Random random;

    Noise(long seed) {
        this.random = new Random(seed);
    }

    double next(double sigma, double clip) {
        return Math.max(-clip, Math.min(clip, sigma * random.nextGaussian()));
    }

    Vector3 add(Vector3 v, double sigma, double clip) {
        return new Vector3(v.x() + next(sigma, clip), v.y() + next(sigma, clip), v.z() + next(sigma, clip));
    }
}
