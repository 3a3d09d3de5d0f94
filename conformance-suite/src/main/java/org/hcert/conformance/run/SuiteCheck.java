package org.hcert.conformance.run;

import io.cucumber.cucumberexpressions.Argument;
import io.cucumber.cucumberexpressions.Expression;
import io.cucumber.cucumberexpressions.ExpressionFactory;
import io.cucumber.cucumberexpressions.ParameterType;
import io.cucumber.cucumberexpressions.ParameterTypeRegistry;
import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.Step;
import io.cucumber.messages.types.Tag;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hcert.conformance.family.Family;
import org.hcert.conformance.family.LimitName;
import org.hcert.conformance.profile.Clause;
import org.hcert.conformance.profile.LimitSpec;
import org.hcert.conformance.profile.StandardProfile;
import org.hcert.conformance.steps.FamilyStep;
import org.hcert.conformance.steps.Glue;

/**
 * Check that a set of features and a standard profile agree, before anything runs: every clause of
 * the profile has a scenario; every scenario is tagged with a clause the profile has; every step is
 * one of hcert's, of the family its clause is judged by; every limit a Then-step names is one the
 * family declares, the clause gives, with the family's dimension; and a When-step's trigger is the
 * one the clause sets.
 */
public final class SuiteCheck {

    /** A clause ID as a tag: {@code @SE-ESTOP-01}. */
    private static final Pattern CLAUSE_TAG = Pattern.compile("@[A-Z]+(-[A-Z0-9]+)+");

    /** One feature file: where it is, and its text. */
    public record Feature(String uri, String text) {}

    private record Definition(Method method, Expression expression, Optional<FamilyStep> family) {}

    private SuiteCheck() {}

    /** Read every {@code .feature} file under {@code path} (a folder, or one file), in a fixed order. */
    public static List<Feature> read(java.nio.file.Path path) throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(path)) {
            List<Feature> out = new ArrayList<>();
            for (java.nio.file.Path p : files.filter(x -> x.toString().endsWith(".feature")).sorted().toList()) {
                out.add(new Feature(p.toString(), java.nio.file.Files.readString(p)));
            }
            return out;
        }
    }

    /** Every way in which {@code features} and {@code standard} disagree, one sentence each, naming file and line. */
    public static List<String> check(List<Feature> features, StandardProfile standard) {
        List<Definition> definitions = definitions();
        List<String> problems = new ArrayList<>();
        Set<String> covered = new LinkedHashSet<>();
        for (Feature f : features) {
            for (Scenario s : scenarios(f)) {
                checkScenario(f, s, standard, definitions, covered, problems);
            }
        }
        for (Clause c : standard.clauses()) {
            if (!covered.contains(c.id())) {
                problems.add("%s:%d: clause %s has no scenario tagged @%s in the features".formatted(
                        standard.file().path(), c.line(), c.id(), c.id()));
            }
        }
        return problems;
    }

    private static void checkScenario(Feature f, Scenario s, StandardProfile standard, List<Definition> definitions,
            Set<String> covered, List<String> problems) {
        String at = "%s:%d".formatted(f.uri(), s.getLocation().getLine());
        List<String> tags = s.getTags().stream().map(Tag::getName).filter(t -> CLAUSE_TAG.matcher(t).matches()).toList();
        if (tags.isEmpty()) {
            problems.add("%s: scenario \"%s\" is tagged with no clause".formatted(at, s.getName()));
            return;
        }
        Optional<Clause> clause = Optional.empty();
        for (String tag : tags) {
            Optional<Clause> c = standard.clause(tag.substring(1));
            if (c.isEmpty()) {
                problems.add("%s: scenario \"%s\" cites clause %s, which standard profile %s does not have"
                        .formatted(at, s.getName(), tag.substring(1), standard.file().path()));
            } else if (clause.isEmpty()) {
                clause = c;
                covered.add(c.get().id());
            }
        }
        if (clause.isEmpty()) {
            return;
        }
        for (Step step : s.getSteps()) {
            checkStep(f.uri(), step, clause.get(), definitions, problems);
        }
    }

    private static void checkStep(String uri, Step step, Clause clause, List<Definition> definitions, List<String> problems) {
        String at = "%s:%d".formatted(uri, step.getLocation().getLine());
        List<Definition> matching = new ArrayList<>();
        List<List<Argument<?>>> arguments = new ArrayList<>();
        for (Definition d : definitions) {
            List<Argument<?>> args = d.expression().match(step.getText());
            if (args != null) {
                matching.add(d);
                arguments.add(args);
            }
        }
        if (matching.size() != 1) {
            problems.add(matching.isEmpty() ? "%s: step \"%s\" matches no step of hcert's glue".formatted(at, step.getText())
                    : "%s: step \"%s\" matches %d steps".formatted(at, step.getText(), matching.size()));
            return;
        }
        Optional<FamilyStep> fs = matching.get(0).family();
        if (fs.isEmpty()) {
            return;
        }
        Family family = clause.family();
        if (!fs.get().family().equals(family.name())) {
            problems.add("%s: step \"%s\" belongs to family %s, but clause %s is judged by family %s"
                    .formatted(at, step.getText(), fs.get().family(), clause.id(), family.name()));
            return;
        }
        List<Argument<?>> args = arguments.get(0);
        if (!fs.get().limit().isEmpty() || fs.get().anyLimit()) {
            String named = String.valueOf(args.get(args.size() - 1).getValue());
            checkLimit(at, named, fs.get().anyLimit() ? named : fs.get().limit(), clause, problems);
        }
        if (!fs.get().option().isEmpty() && !args.isEmpty()) {
            String given = args.get(0).getGroup().getValue();
            String key = org.hcert.conformance.steps.Trigger.KEYS.getOrDefault(given, given);
            String set = clause.options().getOrDefault(fs.get().option(),
                    family.option(fs.get().option()).map(o -> o.defaultValue()).orElse(""));
            if (!key.equals(set)) {
                problems.add("%s: step names %s %s, but clause %s sets %s: %s".formatted(at, fs.get().option(), key,
                        clause.id(), fs.get().option(), set));
            }
        }
    }

    private static void checkLimit(String at, String named, String stepLimit, Clause clause, List<String> problems) {
        Family family = clause.family();
        Optional<LimitName> spec = family.limit(named);
        if (spec.isEmpty()) {
            problems.add("%s: limit \"%s\" is not a limit of family %s (its limits: %s)".formatted(at, named, family.name(),
                    String.join(", ", family.limits().stream().map(LimitName::name).toList())));
            return;
        }
        if (!stepLimit.equals(FamilyStep.ANY) && !named.equals(stepLimit)) {
            problems.add("%s: this step judges the limit %s, but names \"%s\"".formatted(at, stepLimit, named));
            return;
        }
        Map<String, LimitSpec> given = new LinkedHashMap<>(clause.limits());
        clause.classLimits().values().forEach(given::putAll);
        LimitSpec l = given.get(named);
        if (l == null) {
            problems.add("%s: clause %s gives no limit %s in the standard profile".formatted(at, clause.id(), named));
        } else if (l.value().isPresent() && l.value().get().dimension() != spec.get().dimension()) {
            problems.add("%s: limit %s of clause %s is %s, but family %s measures it as %s".formatted(at, named,
                    clause.id(), l.value().get().dimension().withArticle(), family.name(), spec.get().dimension().withArticle()));
        }
    }

    private static List<Scenario> scenarios(Feature f) {
        List<Scenario> out = new ArrayList<>();
        GherkinParser parser = GherkinParser.builder().includeSource(false).includePickles(false).build();
        parser.parse(f.uri(), f.text().getBytes(StandardCharsets.UTF_8))
                .map(Envelope::getGherkinDocument).flatMap(Optional::stream)
                .map(d -> d.getFeature()).flatMap(Optional::stream)
                .forEach(feature -> feature.getChildren().forEach(child -> collect(child, out)));
        return out;
    }

    private static void collect(FeatureChild child, List<Scenario> out) {
        child.getScenario().ifPresent(out::add);
        child.getRule().ifPresent(r -> r.getChildren().forEach(rc -> rc.getScenario().ifPresent(out::add)));
    }

    private static List<Definition> definitions() {
        ParameterTypeRegistry registry = new ParameterTypeRegistry(Locale.ENGLISH);
        for (Method m : Glue.PARAMETER_TYPES.getMethods()) {
            io.cucumber.java.ParameterType p = m.getAnnotation(io.cucumber.java.ParameterType.class);
            if (p != null) {
                registry.defineParameterType(new ParameterType<>(m.getName(), p.value(), String.class, (String s) -> s));
            }
        }
        ExpressionFactory expressions = new ExpressionFactory(registry);
        List<Definition> out = new ArrayList<>();
        for (Class<?> c : Glue.STEP_CLASSES) {
            for (Method m : c.getMethods()) {
                for (String text : stepTexts(m)) {
                    out.add(new Definition(m, expressions.createExpression(text),
                            Optional.ofNullable(m.getAnnotation(FamilyStep.class))));
                }
            }
        }
        return out;
    }

    private static List<String> stepTexts(Method m) {
        List<String> texts = new ArrayList<>();
        io.cucumber.java.en.Given given = m.getAnnotation(io.cucumber.java.en.Given.class);
        io.cucumber.java.en.When when = m.getAnnotation(io.cucumber.java.en.When.class);
        io.cucumber.java.en.Then then = m.getAnnotation(io.cucumber.java.en.Then.class);
        if (given != null) {
            texts.add(given.value());
        }
        if (when != null) {
            texts.add(when.value());
        }
        if (then != null) {
            texts.add(then.value());
        }
        return texts;
    }
}
