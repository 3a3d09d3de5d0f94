package org.hcert.conformance.family;

import static org.hcert.conformance.family.ParameterName.Range.POSITIVE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hcert.conformance.quantity.Dimension;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.verdict.Reading;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.mapping.Role;

/**
 * Provenance: what the run's telemetry says about where it came from. The robot reports it on the
 * {@code events} role as events of kind {@code provenance} and {@code model_loaded}
 * ({@link ProvenanceEvent}); hcert reads nothing else (MCAP metadata records carry no time and no
 * channel, other formats have none, and a live link carries only telemetry). A key the robot does
 * not report is named and leaves the clause INCONCLUSIVE; a report that contradicts the robot
 * profile FAILs. Motion before the first report (a joint at {@code motionJointSpeed} or faster, the
 * base at {@code motionBaseSpeed}) was produced by something the run does not name.
 *
 * <p>Two reports that disagree with no {@code model_loaded} between them (two publishers on one
 * topic, or a robot that contradicts itself) are not judged: hcert does not choose which one is the
 * robot's.
 */
final class Provenance implements Family {

    /** The keys every provenance record must give (AI-DATA-01). */
    static final List<String> RECORD_KEYS = List.of("robot_id", "model_id", "model_version", "dataset_id", "software_versions",
            "calibration_ids");
    /** What a {@code model_loaded} event's {@code signature} may say, and whether it means verified. */
    static final Map<String, Boolean> SIGNATURE = Map.of("verified", true, "unverified", false, "invalid", false, "absent", false);
    /** At most this many provenance events are kept; more leave the clause INCONCLUSIVE: {@value}. */
    static final int MAX_EVENTS = 10_000;

    @Override
    public String name() {
        return "provenance";
    }

    @Override
    public String summary() {
        return "the run's telemetry reports where it came from: robot, model, dataset, software, calibration, model integrity";
    }

    @Override
    public List<OptionName> options() {
        return List.of(new OptionName("check", List.of("record", "model-integrity"), "which provenance the clause checks"));
    }

    @Override
    public List<LimitName> limits() {
        return List.of(LimitName.optional("robotIdMismatch", Dimension.RATIO,
                        "robot ID of the provenance record against the robot profile's serial (1 = differs)"),
                LimitName.optional("signatureVerified", Dimension.RATIO, "signature of the loaded model verified (1 = verified)"),
                LimitName.optional("modelHashMismatch", Dimension.RATIO, "model hash against the approved one (1 = differs)"));
    }

    @Override
    public List<ParameterName> parameters() {
        return List.of(
                ParameterName.required("motionJointSpeed", Dimension.ANGULAR_SPEED, POSITIVE,
                        "joint speed from which the robot counts as moving, to find motion before the first report"),
                ParameterName.required("motionBaseSpeed", Dimension.SPEED, POSITIVE,
                        "base speed from which the robot counts as moving, to find motion before the first report"));
    }

    @Override
    public Set<Role> requiredRoles(ClauseSetup clause) {
        return EnumSet.of(Role.EVENTS);
    }

    @Override
    public Set<Role> optionalRoles(ClauseSetup clause) {
        return EnumSet.of(Role.JOINTS, Role.ODOMETRY);
    }

    /**
     * Take the session's events from its start into the capture (a robot reports its provenance at
     * start-up and when a session opens, before any scenario), and watch half a second.
     */
    @Override
    public LiveAction liveAction(ClauseSetup clause) {
        return new LiveAction(s -> s.includeSessionEvents(), Duration.ofMillis(500));
    }

    @Override
    public Evaluator evaluator(ClauseSetup clause) {
        return new Evaluation(clause);
    }

    private static final class Evaluation extends Evaluator {
        private final ClauseSetup c;
        private final List<ProvenanceEvent> events = new ArrayList<>();
        private long dropped;
        private long firstMotionNs = Long.MAX_VALUE;
        private String firstMotion = "";
        private boolean motionKnown;

        Evaluation(ClauseSetup c) {
            this.c = c;
        }

        @Override
        public void accept(Sample s) {
            if (s instanceof EventSample e) {
                ProvenanceEvent.of(e).ifPresent(p -> {
                    if (events.size() < MAX_EVENTS) {
                        events.add(p);
                    } else {
                        dropped++;
                    }
                });
            } else if (s instanceof JointStateSample j && j.hasVelocity()) {
                motionKnown = true;
                for (int i = 0; i < j.size() && j.tNs() < firstMotionNs; i++) {
                    double v = Math.abs(j.velocityRadS(i));
                    if (v >= c.parameter("motionJointSpeed")) {
                        moved(j.tNs(), "joint %s at %s rad/s".formatted(j.names().get(i), Quantity.format(v)));
                    }
                }
            } else if (s instanceof OdometrySample o) {
                motionKnown = true;
                double v = o.linearVelocityMs().norm();
                if (v >= c.parameter("motionBaseSpeed") && o.tNs() < firstMotionNs) {
                    moved(o.tNs(), "the base at %s m/s".formatted(Quantity.format(v)));
                }
            }
        }

        private void moved(long tNs, String what) {
            firstMotionNs = tNs;
            firstMotion = what;
        }

        @Override
        public ClauseEvidence finish(long endNs) {
            ClauseEvidence.Builder out = new ClauseEvidence.Builder();
            if (dropped > 0) {
                out.problem("the telemetry carries more than %d provenance and model_loaded events; %d later ones were not read"
                        .formatted(MAX_EVENTS, dropped));
            }
            java.util.IdentityHashMap<ProvenanceEvent, String> disagreeing = disagreements(out);
            if (c.option("check").equals("record")) {
                record(out, disagreeing);
            } else {
                integrity(out, disagreeing);
            }
            return out.build();
        }

        private String topics() {
            return String.join(", ", c.robot().topics().topics(Role.EVENTS));
        }

        /**
         * The reports that contradict another of the same stretch (between two {@code model_loaded}
         * events), each with why; each such stretch is also a problem of the clause.
         */
        private java.util.IdentityHashMap<ProvenanceEvent, String> disagreements(ClauseEvidence.Builder out) {
            java.util.IdentityHashMap<ProvenanceEvent, String> found = new java.util.IdentityHashMap<>();
            List<ProvenanceEvent> stretch = new ArrayList<>();
            for (ProvenanceEvent e : events) {
                if (e.kind().equals(ProvenanceEvent.MODEL_LOADED)) {
                    stretch.clear();
                    continue;
                }
                for (ProvenanceEvent before : stretch) {
                    for (Map.Entry<String, String> v : e.values().entrySet()) {
                        String other = before.values().get(v.getKey());
                        if (other != null && !other.equals(v.getValue())) {
                            String why = ("the %s says %s=%s, the %s says %s=%s, with no model_loaded between: two publishers on %s, or a robot "
                                    + "that contradicts itself; hcert does not choose which report is the robot's").formatted(before.describe(),
                                    v.getKey(), other, e.describe(), v.getKey(), v.getValue(), e.topic());
                            out.problem(why);
                            stretch.forEach(s -> found.putIfAbsent(s, why));
                            found.putIfAbsent(e, why);
                        }
                    }
                }
                stretch.add(e);
            }
            return found;
        }

        /** AI-DATA-01: every provenance record gives every key, names this robot, and comes before the robot moves. */
        private void record(ClauseEvidence.Builder out, java.util.IdentityHashMap<ProvenanceEvent, String> disagreeing) {
            List<ProvenanceEvent> records = events.stream().filter(e -> e.kind().equals(ProvenanceEvent.PROVENANCE)).toList();
            if (records.isEmpty()) {
                out.problem(("no provenance event on %s: the telemetry does not say which robot, model, dataset, software and calibration "
                        + "produced it (hcert reads events of kind provenance whose detail gives %s as key=value pairs)")
                        .formatted(topics(), String.join(", ", RECORD_KEYS)));
                return;
            }
            for (int i = 0; i < records.size(); i++) {
                ProvenanceEvent r = records.get(i);
                List<String> gaps = new ArrayList<>();
                for (String key : RECORD_KEYS) {
                    if (r.value(key).isEmpty()) {
                        gaps.add("the %s does not give %s".formatted(r.describe(), key));
                    }
                }
                r.malformed().forEach(m -> gaps.add("the %s: %s".formatted(r.describe(), m)));
                if (i == 0) {
                    beforeFirst(r, "provenance record", gaps);
                }
                String subject = Times.instant(r.tNs());
                String why = disagreeing.get(r);
                if (why != null) {
                    gaps.add(why);
                    out.add("robotIdMismatch", Reading.none(subject, r.instant(), gaps, ""));
                    continue;
                }
                String serial = c.robot().serial();
                if (serial.isEmpty() && r.value("robot_id").isPresent()) {
                    gaps.add("robot profile %s gives no serial to compare robot_id with".formatted(c.robot().profile()));
                }
                if (r.value("robot_id").isEmpty() || serial.isEmpty()) {
                    out.add("robotIdMismatch", Reading.none(subject, r.instant(), gaps, ""));
                    continue;
                }
                String id = r.value("robot_id").get();
                out.add("robotIdMismatch", Reading.of(subject, r.instant(), id.equals(serial) ? 0 : 1, gaps,
                        "the %s gives robot_id %s; robot profile %s gives serial %s".formatted(r.describe(), id, c.robot().profile(), serial)));
            }
        }

        /**
         * AI-OTA-01: every model loaded had its signature verified and is an approved build (its SHA-256
         * that of declaration.models), and the running model's hash is reported (each provenance record's
         * model_sha256) and is the approved one and the one loaded last.
         */
        private void integrity(ClauseEvidence.Builder out, java.util.IdentityHashMap<ProvenanceEvent, String> disagreeing) {
            List<ProvenanceEvent> loads = events.stream().filter(e -> e.kind().equals(ProvenanceEvent.MODEL_LOADED)).toList();
            if (loads.isEmpty()) {
                out.problem(("no model_loaded event on %s: whether the running model's signature was verified when it loaded is not "
                        + "reported (hcert reads events of kind model_loaded whose detail gives model_id, model_version, sha256 and "
                        + "signature)").formatted(topics()));
            }
            if (events.stream().noneMatch(e -> e.kind().equals(ProvenanceEvent.PROVENANCE))) {
                out.problem(("no provenance event on %s: the hash of the running model is not reported (hcert reads model_sha256 of "
                        + "events of kind provenance)").formatted(topics()));
            }
            ProvenanceEvent lastLoad = null;
            for (ProvenanceEvent e : events) {
                List<String> gaps = new ArrayList<>();
                e.malformed().forEach(m -> gaps.add("the %s: %s".formatted(e.describe(), m)));
                if (e.kind().equals(ProvenanceEvent.MODEL_LOADED)) {
                    if (lastLoad == null) {
                        beforeFirst(e, "model_loaded event", gaps);
                    }
                    lastLoad = e;
                    String subject = "model loaded at " + Times.instant(e.tNs());
                    out.add("signatureVerified", signature(e, subject, gaps));
                    out.add("modelHashMismatch", hash(e, "sha256", subject, gaps));
                    continue;
                }
                String subject = "running model reported at " + Times.instant(e.tNs());
                String why = disagreeing.get(e);
                if (why != null) {
                    gaps.add(why);
                    out.add("modelHashMismatch", Reading.none(subject, e.instant(), gaps, ""));
                    continue;
                }
                if (lastLoad != null && e.value("model_sha256").isPresent() && lastLoad.value("sha256").isPresent()
                        && !e.value("model_sha256").get().equalsIgnoreCase(lastLoad.value("sha256").get())) {
                    gaps.add("the %s reports model_sha256=%s, but the model loaded last (the %s) has sha256=%s".formatted(e.describe(),
                            e.value("model_sha256").get(), lastLoad.describe(), lastLoad.value("sha256").get()));
                }
                out.add("modelHashMismatch", hash(e, "model_sha256", subject, gaps));
            }
        }

        private Reading signature(ProvenanceEvent e, String subject, List<String> gaps) {
            java.util.Optional<String> said = e.value("signature");
            if (said.isEmpty()) {
                return Reading.none(subject, e.instant(), plus(gaps, "the %s does not give signature".formatted(e.describe())), "");
            }
            Boolean verified = SIGNATURE.get(said.get());
            if (verified == null) {
                return Reading.none(subject, e.instant(), plus(gaps, "the %s gives signature=%s, which is not one of %s".formatted(e.describe(),
                        said.get(), String.join(", ", new java.util.TreeSet<>(SIGNATURE.keySet())))), "");
            }
            return Reading.of(subject, e.instant(), verified ? 1 : 0, gaps, "the %s gives signature=%s".formatted(e.describe(), said.get()));
        }

        /** The {@code key} hash of {@code e} against the approved build of its model: 0 the same, 1 not. */
        private Reading hash(ProvenanceEvent e, String key, String subject, List<String> gaps) {
            List<String> why = new ArrayList<>(gaps);
            for (String k : List.of("model_id", "model_version", key)) {
                if (e.value(k).isEmpty()) {
                    why.add("the %s does not give %s".formatted(e.describe(), k));
                }
            }
            List<RobotDeclaration.ApprovedModel> approved = c.robot().declaration().models();
            if (approved.isEmpty()) {
                why.add(Declared.missing(c, "declaration.models", "the approved models with their SHA-256"));
            }
            if (approved.isEmpty() || e.value("model_id").isEmpty() || e.value("model_version").isEmpty() || e.value(key).isEmpty()) {
                return Reading.none(subject, e.instant(), why, "");
            }
            String id = e.value("model_id").orElseThrow();
            String version = e.value("model_version").orElseThrow();
            String sha = e.value(key).orElseThrow();
            java.util.Optional<RobotDeclaration.ApprovedModel> model = approved.stream()
                    .filter(m -> m.id().equals(id) && m.version().equals(version)).findFirst();
            if (model.isEmpty()) {
                return Reading.of(subject, e.instant(), 1, why, "the %s names model %s %s, which is not among the approved models %s (%s)"
                        .formatted(e.describe(), id, version, String.join(", ", approved.stream().map(m -> m.id() + " " + m.version()).toList()),
                                Declared.at(c, "declaration.models")));
            }
            boolean same = model.get().sha256().equalsIgnoreCase(sha);
            return Reading.of(subject, e.instant(), same ? 0 : 1, why, "the %s gives %s=%s for model %s %s; %s approves %s".formatted(e.describe(),
                    key, sha, id, version, model.get().path(), model.get().sha256()));
        }

        private static List<String> plus(List<String> gaps, String more) {
            List<String> out = new ArrayList<>(gaps);
            out.add(more);
            return out;
        }

        /** Note in {@code gaps} when the robot moved before {@code first}, or when that is not known. */
        private void beforeFirst(ProvenanceEvent first, String what, List<String> gaps) {
            if (!motionKnown) {
                gaps.add("whether the robot moved before the first %s is not known: the telemetry has no joint velocities or odometry".formatted(what));
            } else if (firstMotionNs < first.tNs()) {
                gaps.add("the robot moved at %s (%s), before the first %s (the %s): what produced that motion is not reported"
                        .formatted(Times.instant(firstMotionNs), firstMotion, what, first.describe()));
            }
        }
    }
}
