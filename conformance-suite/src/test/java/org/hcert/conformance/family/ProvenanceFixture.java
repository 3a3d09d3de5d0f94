package org.hcert.conformance.family;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;
import org.hcert.conformance.verdict.Comparison;
import org.hcert.conformance.verdict.EvidencePolicy;
import org.hcert.conformance.verdict.Limit;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.Reading;
import org.hcert.conformance.verdict.Verdict;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.mapping.Role;
import org.hcert.telemetry.mapping.SignalMapping;

/**
 * A clause of the provenance family for a test robot (serial {@value #SERIAL}, approving model
 * {@code policy} 2.0 with hash {@link #APPROVED}), with the limits and parameters of the bundled
 * standard profile; each reading judged as a Then-step would.
 *
 * @param check the clause's check option
 * @param limits the clause's limits by name
 * @param declaration the robot's declaration (its approved models)
 */
record ProvenanceFixture(String check, Map<String, Limit> limits, RobotDeclaration declaration) {

    static final String SERIAL = "R-0001";
    static final String APPROVED = "a".repeat(64);
    static final String OTHER = "b".repeat(64);
    /** A complete provenance record of the test robot running the approved model. */
    static final String RECORD = "robot_id=R-0001; model_id=policy; model_version=2.0; model_sha256=%s; dataset_id=d-7; "
            .formatted(APPROVED) + "software_versions=fw 3.1, policy 2.0; calibration_ids=cal-12";
    /** The approved model, loaded with its signature verified. */
    static final String LOADED = "model_id=policy; model_version=2.0; sha256=%s; signature=verified".formatted(APPROVED);

    static ProvenanceFixture record() {
        return of("record", new Limit("robotIdMismatch", new Quantity(0, Unit.RATIO), Comparison.AT_MOST, "I", "heis-2026.yaml"));
    }

    static ProvenanceFixture of(String check, Limit... limits) {
        Map<String, Limit> byName = new LinkedHashMap<>();
        for (Limit l : limits) {
            byName.put(l.name(), l);
        }
        RobotDeclaration d = new RobotDeclaration(true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(),
                List.of(new RobotDeclaration.ApprovedModel("policy", "2.0", APPROVED, "declaration.models[0]")), Map.of());
        return new ProvenanceFixture(check, byName, d);
    }

    ProvenanceFixture with(RobotDeclaration d) {
        return new ProvenanceFixture(check, limits, d);
    }

    static EventSample event(double ms, String kind, String detail) {
        return new EventSample(FamilyFixture.at(ms), FamilyFixture.EVENTS_TOPIC, kind, detail);
    }

    ClauseSetup setup() {
        SignalMapping topics = SignalMapping.of(Map.of(Role.EVENTS, List.of(FamilyFixture.EVENTS_TOPIC), Role.JOINTS,
                List.of(FamilyFixture.JOINTS_TOPIC), Role.ODOMETRY, List.of(FamilyFixture.ODOM_TOPIC)));
        return new ClauseSetup("TEST-PROV-01", new Provenance(), limits, Map.of(),
                Map.of("motionJointSpeed", 0.1, "motionBaseSpeed", 0.2), Map.of("check", check),
                new RobotFacts(Path.of("robot.yaml"), List.of(new DeclaredJoint("a", -1, 1, 8), new DeclaredJoint("b", -1, 1, 8)),
                        Map.of(), topics, SERIAL, Set.of("ai-models"), declaration));
    }

    ClauseEvidence evaluate(List<? extends Sample> samples) {
        Evaluator e = new Provenance().evaluator(setup());
        FamilyFixture.sorted(samples).forEach(e::accept);
        return e.finish(samples.isEmpty() ? Long.MIN_VALUE : FamilyFixture.sorted(samples).get(samples.size() - 1).tNs());
    }

    List<Measurement> judged(ClauseEvidence evidence, String limit) {
        List<Measurement> out = new ArrayList<>();
        for (Reading r : evidence.readings(limit)) {
            EvidencePolicy.judge(limit, r, r.limit().orElse(limits.get(limit)), "test").ifPresent(out::add);
        }
        return out;
    }

    /** The verdict of every reading of {@code limit}, in order; a reading without a value is INCONCLUSIVE. */
    List<Verdict> verdicts(ClauseEvidence evidence, String limit) {
        List<Verdict> out = new ArrayList<>();
        for (Reading r : evidence.readings(limit)) {
            out.add(EvidencePolicy.judge(limit, r, r.limit().orElse(limits.get(limit)), "test").map(Measurement::verdict)
                    .orElse(Verdict.INCONCLUSIVE));
        }
        return out;
    }

    /** Every gap of every reading of {@code limit}. */
    static List<String> gaps(ClauseEvidence evidence, String limit) {
        return evidence.readings(limit).stream().flatMap(r -> r.gaps().stream()).toList();
    }
}
