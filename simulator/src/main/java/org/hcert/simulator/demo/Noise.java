package org.hcert.simulator.demo;

import java.util.Random;
import org.hcert.telemetry.Vector3;

/**
 * Deterministic sensor noise: Gaussian with standard deviation σ, clipped to ±clip. Each topic has
 * its own seeded generator, so leaving one topic out does not change the others.
 * {@link Random#nextGaussian()} is specified exactly, hence the same on every JVM.
 */
final class Noise {

    private final Random random;

    Noise(long seed) {
        this.random = new Random(seed);
    }

    /** One noise value in units of σ and clip. */
    double next(double sigma, double clip) {
        return Math.max(-clip, Math.min(clip, sigma * random.nextGaussian()));
    }

    /** Add independent noise to each component of v. */
    Vector3 add(Vector3 v, double sigma, double clip) {
        return new Vector3(v.x() + next(sigma, clip), v.y() + next(sigma, clip), v.z() + next(sigma, clip));
    }
}
