package org.hcert.runner.command;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hcert.telemetry.mapping.Role;
import org.hcert.telemetry.ros.RosJsonDecoder;

/**
 * Write a draft robot profile (YAML) from what a recording shows. Everything the recording cannot
 * know (identity, declared values, real joint limits) is a {@code TODO}; guesses say what they
 * were guessed from. The draft validates against robot-profile.schema.json.
 */
final class ProfileDraft {

    /** Roles that may be played by several topics at once (two wrists, several sensors). */
    private static final List<Role> MULTI_TOPIC = List.of(Role.WRENCHES, Role.TEMPERATURES);
    /** The widening of an observed joint range on each side: this share of the range, {@value}. */
    static final double JOINT_MARGIN_SHARE = 0.1;
    /** The least widening on each side, rad: {@value}. */
    static final double JOINT_MARGIN_MIN_RAD = 0.05;
    /** Base heights from this value up are guessed to be a full-size biped, m: {@value}. */
    static final double FULL_SIZE_MIN_HEIGHT_M = 0.6;
    /** A standing humanoid's pelvis, m: below or above, an odometry height is taken as saying nothing about it. */
    static final double MIN_PELVIS_HEIGHT_M = 0.2;
    static final double MAX_PELVIS_HEIGHT_M = 2.0;
    /** Words in the names of leg joints. */
    static final List<String> LEG_WORDS = List.of("hip", "knee", "ankle", "leg");
    /** Base speeds above this value mean the robot walked in the recording, m/s: {@value}. */
    static final double WALKING_MIN_SPEED_MS = 0.1;

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_/.-]+");

    private ProfileDraft() {}

    /** The topics mapped to each role, each role's candidates when it had to choose, and topics of no role. */
    record Mapping(Map<Role, List<String>> chosen, Map<Role, List<TopicStats>> candidates) {

        static Mapping guess(List<TopicStats> topics) {
            Map<Role, List<String>> chosen = new LinkedHashMap<>();
            Map<Role, List<TopicStats>> candidates = new LinkedHashMap<>();
            for (Role role : Role.values()) {
                List<TopicStats> found = topics.stream()
                        .filter(t -> t.types().stream().anyMatch(type -> role.types().contains(RosJsonDecoder.normalise(type))))
                        .sorted(Comparator.comparingLong(TopicStats::count).reversed().thenComparing(TopicStats::topic))
                        .toList();
                candidates.put(role, found);
                if (!found.isEmpty()) {
                    chosen.put(role, MULTI_TOPIC.contains(role) ? found.stream().map(TopicStats::topic).sorted().toList()
                            : List.of(found.get(0).topic()));
                }
            }
            return new Mapping(chosen, candidates);
        }

        Optional<String> first(Role role) {
            return chosen.getOrDefault(role, List.of()).stream().findFirst();
        }
    }

    static String yaml(String recording, Mapping mapping, RecordingFacts facts) {
        StringBuilder y = new StringBuilder();
        y.append("# Draft robot profile written by `hcert profile init` from ").append(recording).append(".\n");
        y.append("# Review every TODO before certifying: identity, class, capabilities, declared values, joint limits.\n");
        y.append("schema: hcert/robot-profile/v1\n");
        y.append("draft: true  # hcert certify refuses this profile until you have reviewed it and removed this line\n");
        y.append("identity:\n");
        for (String field : List.of("manufacturer", "model", "serial", "firmware")) {
            y.append("  ").append(field).append(": TODO  # TODO: the robot's ").append(field).append('\n');
        }
        robotClass(y, facts);
        capabilities(y, mapping, facts);
        y.append("declared: {}  # TODO: declared specification values, e.g. stopTime: {value: 600, unit: ms}");
        double h = facts.firstBaseHeightM();
        if (plausiblePelvisHeight(h)) {
            y.append(", nominalPelvisHeight: {value: ").append(decimal(h, 3, RoundingMode.HALF_UP))
                    .append(", unit: m} (base height at the start of the recording)");
        } else if (!Double.isNaN(h)) {
            y.append("; the odometry's height (%s m at the start) is not a pelvis height: declare nominalPelvisHeight yourself"
                    .formatted(decimal(h, 3, RoundingMode.HALF_UP)));
        }
        y.append('\n');
        joints(y, facts);
        topics(y, mapping);
        return y.toString();
    }

    /**
     * Whether an odometry height can be a standing humanoid's pelvis: an odometry frame on the floor
     * (z = 0, as most are) says nothing about it.
     */
    static boolean plausiblePelvisHeight(double heightM) {
        return heightM >= MIN_PELVIS_HEIGHT_M && heightM <= MAX_PELVIS_HEIGHT_M;
    }

    private static boolean anyJoint(RecordingFacts facts, List<String> words) {
        return facts.joints().keySet().stream().map(n -> n.toLowerCase(Locale.ROOT)).anyMatch(n -> words.stream().anyMatch(n::contains));
    }

    private static void robotClass(StringBuilder y, RecordingFacts facts) {
        boolean wheels = anyJoint(facts, List.of("wheel"));
        boolean legs = anyJoint(facts, LEG_WORDS);
        double h = facts.firstBaseHeightM();
        String guess;
        String why;
        if (wheels) {
            guess = "wheeled-humanoid";
            why = "joints named *wheel*" + (legs ? " (and leg joints: a legged base on wheels?)" : "");
        } else if (legs && plausiblePelvisHeight(h)) {
            guess = h >= FULL_SIZE_MIN_HEIGHT_M ? "full-size-biped" : "compact-biped";
            why = "leg joints, and the base at %s m in the first odometry message".formatted(decimal(h, 3, RoundingMode.HALF_UP));
        } else if (legs) {
            guess = "unknown";
            why = "leg joints (%s), but no height tells a full-size biped from a compact one".formatted(String.join("/", LEG_WORDS));
        } else {
            guess = "unknown";
            why = facts.joints().isEmpty() ? "no joint states in the recording" : "neither leg nor wheel joints among the joint names";
        }
        y.append("robotClass: ").append(guess).append("  # TODO: ").append(guess.equals("unknown") ? "not guessed: " : "guessed from ")
                .append(why).append("; use a class your standard profile lists\n");
    }

    private static void capabilities(StringBuilder y, Mapping mapping, RecordingFacts facts) {
        List<String> caps = new ArrayList<>();
        List<String> why = new ArrayList<>();
        if (facts.maxBaseSpeedMs() > WALKING_MIN_SPEED_MS && anyJoint(facts, LEG_WORDS) && !anyJoint(facts, List.of("wheel"))) {
            caps.add("walking");
            why.add("walking: leg joints, base speed up to %s m/s".formatted(decimal(facts.maxBaseSpeedMs(), 2, RoundingMode.HALF_UP)));
        } else if (facts.maxBaseSpeedMs() > WALKING_MIN_SPEED_MS) {
            why.add("the base moves (up to %s m/s), but no leg joints show it walks".formatted(
                    decimal(facts.maxBaseSpeedMs(), 2, RoundingMode.HALF_UP)));
        }
        mapping.first(Role.SAFETY_STATE).ifPresent(t -> {
            caps.add("emergency-stop");
            why.add("emergency-stop: safety state on " + t);
        });
        if (facts.protectiveStopSeen()) {
            caps.add("protective-stop");
            why.add("protective-stop: asserted in the recording");
        }
        if (facts.joints().keySet().stream().anyMatch(n -> n.contains("shoulder") || n.contains("elbow"))) {
            caps.add("arms");
            why.add("arms: shoulder or elbow joints");
        }
        y.append("capabilities: [").append(String.join(", ", caps)).append("]  # TODO: guessed (")
                .append(why.isEmpty() ? "nothing seen" : String.join("; ", why)).append("); declare what the robot has\n");
    }

    private static void joints(StringBuilder y, RecordingFacts facts) {
        y.append("joints:\n");
        if (facts.joints().isEmpty()) {
            y.append("  - {name: TODO, lower: -1, upper: 1}  # TODO: no JointState in the recording; declare the joints\n");
            return;
        }
        y.append("  # lower/upper: the observed range widened by %d %% of it (at least %s rad) on each side\n"
                .formatted(Math.round(JOINT_MARGIN_SHARE * 100), decimal(JOINT_MARGIN_MIN_RAD, 2, RoundingMode.HALF_UP)));
        facts.joints().forEach((name, r) -> {
            y.append("  - {name: ").append(scalar(name)).append(", ");
            if (Double.isNaN(r.min())) {
                y.append("lower: -3.14, upper: 3.14}  # TODO: declare the real soft limits (no finite position observed)\n");
                return;
            }
            double margin = Math.max(JOINT_MARGIN_SHARE * (r.max() - r.min()), JOINT_MARGIN_MIN_RAD);
            y.append("lower: ").append(decimal(r.min() - margin, 2, RoundingMode.FLOOR)).append(", upper: ")
                    .append(decimal(r.max() + margin, 2, RoundingMode.CEILING)).append("}  # TODO: declare the real soft limits (observed ")
                    .append(decimal(r.min(), 4, RoundingMode.HALF_UP)).append(" .. ").append(decimal(r.max(), 4, RoundingMode.HALF_UP))
                    .append(" rad)\n");
        });
    }

    private static void topics(StringBuilder y, Mapping mapping) {
        if (mapping.chosen().isEmpty()) {
            y.append("topics: {}  # TODO: no topic of the recording has a type hcert maps to a role; map them by hand\n");
        } else {
            y.append("topics:\n");
        }
        for (Role role : Role.values()) {
            List<TopicStats> candidates = mapping.candidates().getOrDefault(role, List.of());
            List<String> chosen = mapping.chosen().get(role);
            String types = String.join(" or ", role.types().stream().sorted().toList());
            if (chosen == null) {
                y.append("  # ").append(role.key()).append(": no topic of type ").append(types).append(" in the recording\n");
                continue;
            }
            y.append("  ").append(role.key()).append(": [")
                    .append(String.join(", ", chosen.stream().map(ProfileDraft::scalar).toList())).append("]");
            if (candidates.size() > 1 && !MULTI_TOPIC.contains(role)) {
                y.append("  # TODO: candidates: ").append(String.join(", ", candidates.stream()
                        .map(t -> "%s (%d messages)".formatted(t.topic(), t.count())).toList())).append("; keep the right one");
            }
            y.append('\n');
        }
    }

    /** A YAML scalar: plain when safe, else double-quoted. */
    private static String scalar(String s) {
        if (PLAIN.matcher(s).matches() && !s.startsWith("-")) {
            return s;
        }
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String decimal(double v, int places, RoundingMode mode) {
        return new BigDecimal(v).setScale(places, mode).stripTrailingZeros().toPlainString();
    }
}
