package org.hcert.conformance.family;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hcert.conformance.quantity.PerformanceLevel;
import org.hcert.conformance.quantity.Quantity;

/**
 * The robot's declaration manifest, as its profile's {@code declaration:} section gives it: what the
 * manufacturer states about the robot's type, body, ratings, stopping, arms, safety functions and
 * approved models. Every field may be missing: the clauses that need a field name it and are
 * INCONCLUSIVE without it, never PASS. What is given has been checked when the profile was loaded
 * (units of the right dimension, values possible).
 *
 * @param given whether the profile has a {@code declaration:} section at all
 * @param iso13482Type the ISO 13482 robot type: {@code mobile-servant}, {@code physical-assistant} or {@code person-carrier}
 * @param locomotion {@code biped}, {@code quadruped}, {@code wheeled}, {@code tracked} or {@code stationary}
 * @param dof the number of degrees of freedom
 * @param mass the robot's total mass
 * @param ratedSpeed the rated (base) speed
 * @param stoppingTime the declared stopping time (stop category 0 or 1, from full speed)
 * @param stoppingDistance the declared stopping distance
 * @param fallZoneRadius the radius around the support centre within which the robot comes to rest if it falls
 * @param arms the manipulators, in declaration order
 * @param safetyFunctions the safety functions, in declaration order
 * @param models the models the manufacturer approves to run on the robot
 * @param lines the line of each given field in the profile, by its path ({@code declaration.arms[0].mass})
 */
public record RobotDeclaration(
        boolean given,
        Optional<String> iso13482Type,
        Optional<String> locomotion,
        Optional<Integer> dof,
        Optional<Quantity> mass,
        Optional<Quantity> ratedSpeed,
        Optional<Quantity> stoppingTime,
        Optional<Quantity> stoppingDistance,
        Optional<Quantity> fallZoneRadius,
        List<Arm> arms,
        List<SafetyFunction> safetyFunctions,
        List<ApprovedModel> models,
        Map<String, Integer> lines) {

    /** The declaration of a robot profile without a {@code declaration:} section. */
    public static final RobotDeclaration NONE = new RobotDeclaration(false, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(),
            Map.of());

    public RobotDeclaration {
        Objects.requireNonNull(iso13482Type, "iso13482Type must not be null");
        Objects.requireNonNull(locomotion, "locomotion must not be null");
        Objects.requireNonNull(dof, "dof must not be null");
        Objects.requireNonNull(mass, "mass must not be null");
        Objects.requireNonNull(ratedSpeed, "ratedSpeed must not be null");
        Objects.requireNonNull(stoppingTime, "stoppingTime must not be null");
        Objects.requireNonNull(stoppingDistance, "stoppingDistance must not be null");
        Objects.requireNonNull(fallZoneRadius, "fallZoneRadius must not be null");
        arms = List.copyOf(arms);
        safetyFunctions = List.copyOf(safetyFunctions);
        models = List.copyOf(models);
        lines = Map.copyOf(lines);
    }

    /** The safety function called {@code name}, if the declaration lists it. */
    public Optional<SafetyFunction> safetyFunction(String name) {
        return safetyFunctions.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The line of the field at {@code path} in the profile, or 0 when it is not given. */
    public int line(String path) {
        return lines.getOrDefault(path, 0);
    }

    /**
     * One manipulator as declared.
     *
     * @param name e.g. {@code left}
     * @param path where it is declared, e.g. {@code declaration.arms[0]}
     * @param declaredClass {@code I} or {@code II} (ISO 10218-1:2025)
     * @param mass mass of the manipulator
     * @param maxTcpSpeed largest speed of its tool centre point
     * @param maxForce largest force it can exert
     * @param ratedPayload rated payload
     * @param wristTopic the topic of its wrist force/torque sensor, to compare the recorded force with {@code maxForce}
     */
    public record Arm(String name, String path, Optional<String> declaredClass, Optional<Quantity> mass,
            Optional<Quantity> maxTcpSpeed, Optional<Quantity> maxForce, Optional<Quantity> ratedPayload,
            Optional<String> wristTopic) {

        public Arm {
            Objects.requireNonNull(name, "name must not be null");
            Objects.requireNonNull(path, "path must not be null");
        }
    }

    /**
     * One safety function as declared (ISO 13849-1).
     *
     * @param name e.g. {@code emergency-stop}
     * @param path where it is declared, e.g. {@code declaration.safetyFunctions[0]}
     * @param pl the declared performance level
     * @param plr the required performance level from the manufacturer's risk assessment
     * @param pfhd the average probability of a dangerous failure per hour, 1/h
     * @param category the designated architecture: {@code B}, {@code 1} to {@code 4}
     * @param dcLevel the declared diagnostic coverage level: {@code none}, {@code low}, {@code medium} or {@code high}
     * @param dc the diagnostic coverage value (a ratio)
     * @param mttfd the mean time to dangerous failure of each channel; empty when not given
     * @param ccf the score of the measures against common-cause failure, points of 100
     */
    public record SafetyFunction(String name, String path, Optional<PerformanceLevel> pl, Optional<PerformanceLevel> plr,
            Optional<Quantity> pfhd, Optional<String> category, Optional<String> dcLevel, Optional<Quantity> dc,
            List<Quantity> mttfd, Optional<Double> ccf) {

        public SafetyFunction {
            Objects.requireNonNull(name, "name must not be null");
            Objects.requireNonNull(path, "path must not be null");
            mttfd = List.copyOf(mttfd);
        }
    }

    /**
     * A model the manufacturer approves to run on the robot: what a {@code model_loaded} event and the
     * provenance of a run must name.
     *
     * @param id the model's ID
     * @param version its version
     * @param sha256 the SHA-256 of the approved build, 64 hex digits, lower case
     * @param path where it is declared, e.g. {@code declaration.models[0]}
     */
    public record ApprovedModel(String id, String version, String sha256, String path) {

        public ApprovedModel {
            Objects.requireNonNull(id, "id must not be null");
            Objects.requireNonNull(version, "version must not be null");
            Objects.requireNonNull(sha256, "sha256 must not be null");
            Objects.requireNonNull(path, "path must not be null");
        }
    }
}
