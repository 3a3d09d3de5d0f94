package org.hcert.conformance.family;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hcert.conformance.quantity.Dimension;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.verdict.Comparison;
import org.hcert.conformance.verdict.Limit;
import org.hcert.conformance.verdict.Reading;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TimeWindow;
import org.hcert.telemetry.WrenchSample;
import org.hcert.telemetry.mapping.Role;

/**
 * {@code check: arm-class}: each declared arm's class agrees with ISO 10218-1:2025. An arm is Class I
 * only if its mass, its largest TCP speed and its largest force are all within the Class I limits
 * ({@code classIMass}, {@code classITcpSpeed}, {@code classIForce}); otherwise it is Class II. A
 * declared Class I arm is read against each of the three limits; a declared Class II arm must exceed
 * at least one, and is read against the one it exceeds most (or, when it exceeds none, the one it
 * comes closest to). The telemetry is judged too: the largest force its wrist sensor recorded must
 * not exceed the arm's declared largest force ({@code wristForceOverrun}, N beyond it).
 */
final class ArmClassCheck implements DeclaredCheck {

    static final String OVERRUN = "wristForceOverrun";
    /** The Class I limits and the arm's field each bounds. */
    static final Map<String, String> CLASS_I = classI();

    private static Map<String, String> classI() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("classIMass", "mass");
        m.put("classITcpSpeed", "maxTcpSpeed");
        m.put("classIForce", "maxForce");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Each field in words, for messages. */
    static final Map<String, String> WORDS = Map.of("mass", "the mass", "maxTcpSpeed", "the largest TCP speed",
            "maxForce", "the largest force");

    @Override
    public String name() {
        return "arm-class";
    }

    @Override
    public List<LimitName> limits() {
        return List.of(LimitName.optional("classIMass", Dimension.MASS, "mass of the manipulator"),
                LimitName.optional("classITcpSpeed", Dimension.SPEED, "largest TCP speed of the manipulator"),
                LimitName.optional("classIForce", Dimension.FORCE, "largest force of the manipulator"),
                LimitName.optional(OVERRUN, Dimension.FORCE, "recorded wrist force beyond the arm's declared largest force"));
    }

    @Override
    public Set<Role> roles() {
        return EnumSet.of(Role.WRENCHES);
    }

    /** Watch the wrist sensors of a robot standing still for a second. */
    @Override
    public Duration observe() {
        return Duration.ofSeconds(1);
    }

    @Override
    public Evaluator evaluator(ClauseSetup c) {
        return new Evaluation(c);
    }

    private final class Evaluation extends Evaluator {
        private final ClauseSetup c;
        private final Map<String, Wrist> wrists = new HashMap<>();

        Evaluation(ClauseSetup c) {
            this.c = c;
        }

        @Override
        public void accept(Sample s) {
            if (s instanceof WrenchSample w) {
                wrists.computeIfAbsent(w.topic(), t -> new Wrist()).add(w.tNs(), w.forceN().norm());
            }
        }

        @Override
        public ClauseEvidence finish(long endNs) {
            ClauseEvidence.Builder out = new ClauseEvidence.Builder();
            List<RobotDeclaration.Arm> arms = c.robot().declaration().arms();
            if (arms.isEmpty()) {
                out.problem(Declared.missing(c, "declaration.arms", "the robot's arms with their class, mass, TCP speed and force"));
            }
            for (RobotDeclaration.Arm arm : arms) {
                armClass(arm, out);
                wrist(arm, endNs, out);
            }
            return out.build();
        }

        /** One Class I limit with the arm's value of the field it bounds, if declared. */
        private record Bounded(String limit, String field, Limit bound, Optional<Quantity> value) {

            /** The value as a share of the limit (NaN when not declared). */
            double share() {
                return value.map(v -> v.si() / bound.valueSi()).orElse(Double.NaN);
            }

            String words() {
                return value.map(v -> "%s %s (Class I: %s %s)".formatted(field, v, bound.comparison().symbol(), bound.quantity()))
                        .orElse(field + " not given");
            }
        }

        private void armClass(RobotDeclaration.Arm arm, ClauseEvidence.Builder out) {
            String subject = arm.name() + " arm";
            List<Bounded> bounded = new ArrayList<>();
            for (Map.Entry<String, String> e : CLASS_I.entrySet()) {
                Declared.limit(c, e.getKey(), name(), out).ifPresent(l -> bounded.add(new Bounded(e.getKey(), e.getValue(), l,
                        value(arm, e.getValue()))));
            }
            if (bounded.size() < CLASS_I.size()) {
                return;
            }
            if (arm.declaredClass().isEmpty()) {
                out.add("classIMass", Reading.none(subject, Declared.DOCUMENT,
                        List.of(Declared.missing(c, arm.path() + ".class", "the class of the " + subject)), ""));
                return;
            }
            List<String> missing = bounded.stream().filter(b -> b.value().isEmpty())
                    .map(b -> Declared.missing(c, arm.path() + "." + b.field(), WORDS.get(b.field()) + " of the " + subject)).toList();
            if (arm.declaredClass().get().equals("I")) {
                for (Bounded b : bounded) {
                    String where = arm.path() + "." + b.field();
                    out.add(b.limit(), b.value().map(v -> Reading.of(subject, Declared.DOCUMENT, v.si(), List.of(),
                                    "declared Class I; %s = %s (%s)".formatted(where, v, Declared.at(c, where))))
                            .orElseGet(() -> Reading.none(subject, Declared.DOCUMENT, List.of(Declared.missing(c, where,
                                    WORDS.get(b.field()) + " of the " + subject)), "")));
                }
                return;
            }
            // Class II: it must exceed at least one Class I limit; judge the one it comes closest to exceeding.
            Optional<Bounded> worst = bounded.stream().filter(b -> b.value().isPresent())
                    .max(java.util.Comparator.comparingDouble(Bounded::share));
            boolean exceeds = worst.isPresent() && !worst.get().bound().comparison().withinLimit(
                    worst.get().bound().unit().fromSi(worst.get().value().orElseThrow().si()), worst.get().bound().value());
            String summary = String.join(", ", bounded.stream().map(Bounded::words).toList());
            if (worst.isEmpty() || (!exceeds && !missing.isEmpty())) {
                out.add(worst.map(Bounded::limit).orElse("classIMass"), Reading.none(subject, Declared.DOCUMENT, missing,
                        "declared Class II; whether it exceeds a Class I limit is not known; " + summary));
                return;
            }
            Bounded b = worst.get();
            Limit above = Declared.derived(b.bound(), Comparison.ABOVE,
                    "a Class II arm exceeds at least one Class I limit; judged against the one it comes closest to exceeding");
            out.add(b.limit(), Reading.of(subject, Declared.DOCUMENT, b.value().orElseThrow().si(), List.of(),
                    "declared Class II (%s); %s%s".formatted(Declared.at(c, arm.path() + ".class"), summary,
                            exceeds ? "" : "; within every Class I limit, so by ISO 10218-1:2025 it is Class I")).against(above));
        }

        private Optional<Quantity> value(RobotDeclaration.Arm arm, String field) {
            return switch (field) {
                case "mass" -> arm.mass();
                case "maxTcpSpeed" -> arm.maxTcpSpeed();
                default -> arm.maxForce();
            };
        }

        private void wrist(RobotDeclaration.Arm arm, long endNs, ClauseEvidence.Builder out) {
            String subject = arm.name() + " arm";
            if (!c.judges(OVERRUN)) {
                return;
            }
            List<String> why = new ArrayList<>();
            if (arm.maxForce().isEmpty()) {
                why.add(Declared.missing(c, arm.path() + ".maxForce", "the largest force of the " + subject));
            }
            String topic = arm.wristTopic().orElse("");
            if (topic.isEmpty()) {
                why.add(Declared.missing(c, arm.path() + ".wristTopic", "the wrench topic of the " + subject
                        + "'s wrist sensor, without which its recorded force cannot be told from another arm's"));
            } else if (!c.robot().topics().topics(Role.WRENCHES).contains(topic)) {
                why.add("%s.wristTopic %s is not among the topics robot profile %s maps to wrenches".formatted(arm.path(), topic,
                        c.robot().profile()));
            }
            Wrist w = wrists.get(topic);
            if (why.isEmpty() && (w == null || w.samples == 0)) {
                why.add("no wrench sample on %s".formatted(topic));
            }
            if (!why.isEmpty() || w == null) {
                out.add(OVERRUN, Reading.none(subject, Declared.DOCUMENT, why, ""));
                return;
            }
            Quantity declared = arm.maxForce().orElseThrow();
            List<String> gaps = new ArrayList<>();
            long maxGap = c.nanos("maxSampleGap");
            long gap = Math.max(w.maxGapNs, endNs == Long.MIN_VALUE ? 0 : endNs - w.lastNs);
            if (gap > maxGap) {
                gaps.add("%s samples have a gap of %s (at most %s allowed): a larger force may have gone unseen".formatted(
                        topic, Times.ms(gap), Times.ms(maxGap)));
            }
            out.add(OVERRUN, Reading.of(subject, TimeWindow.of(w.firstNs, w.lastNs), w.maxN - declared.si(), gaps,
                    "largest wrist force %s N at %s on %s; declared maxForce %s (%s) (negative = below it by that margin)".formatted(
                            Quantity.format(w.maxN), TimeWindow.of(w.maxAtNs, w.maxAtNs), topic, declared,
                            Declared.at(c, arm.path() + ".maxForce"))));
        }
    }

    /** One wrist sensor's largest force and sampling. */
    private static final class Wrist {
        double maxN = Double.NEGATIVE_INFINITY;
        long maxAtNs;
        long samples;
        long firstNs = Long.MIN_VALUE;
        long lastNs = Long.MIN_VALUE;
        long maxGapNs;

        void add(long tNs, double forceN) {
            if (lastNs != Long.MIN_VALUE) {
                maxGapNs = Math.max(maxGapNs, tNs - lastNs);
            } else {
                firstNs = tNs;
            }
            lastNs = tNs;
            if (!Double.isFinite(forceN)) {
                return;
            }
            samples++;
            if (forceN > maxN) {
                maxN = forceN;
                maxAtNs = tNs;
            }
        }
    }
}
