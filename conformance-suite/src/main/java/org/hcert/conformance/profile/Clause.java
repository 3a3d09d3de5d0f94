package org.hcert.conformance.profile;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hcert.conformance.family.Family;

/**
 * One testable requirement of a standard profile: data for a metric family.
 *
 * @param id the clause ID, also the Cucumber tag of its scenarios ({@code @SE-ESTOP-01})
 * @param pillar the pillar of the standard system, also the features/ folder
 * @param title what the clause requires, in one line
 * @param source the standards and sections it rests on
 * @param level {@code mandatory} or {@code recommended}
 * @param evidence the clause's evidence labels as in docs/catalogue.md
 * @param family the metric family that judges it
 * @param options the family's options as the clause sets them (defaults not filled in)
 * @param robotClasses classes it applies to; empty for all
 * @param capabilities capabilities the robot must declare for it to apply
 * @param limits limits by name, for every class
 * @param classLimits overrides of limits per robot class
 * @param parameters how evidence is gathered (windows, tolerances), by name
 * @param line the line of the clause's {@code id} in the standard profile
 */
public record Clause(
        String id,
        String pillar,
        String title,
        String source,
        String level,
        String evidence,
        Family family,
        Map<String, String> options,
        List<String> robotClasses,
        List<String> capabilities,
        Map<String, LimitSpec> limits,
        Map<String, Map<String, LimitSpec>> classLimits,
        Map<String, LimitSpec> parameters,
        int line) {

    public boolean mandatory() {
        return "mandatory".equals(level);
    }

    /** The limit {@code name} for {@code robotClass}: the class override if any, else the general one. */
    public Optional<LimitSpec> limit(String name, String robotClass) {
        LimitSpec override = classLimits.getOrDefault(robotClass, Map.of()).get(name);
        return Optional.ofNullable(override != null ? override : limits.get(name));
    }
}
