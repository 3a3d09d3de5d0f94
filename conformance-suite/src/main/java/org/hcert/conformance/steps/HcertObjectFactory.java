package org.hcert.conformance.steps;

import io.cucumber.core.backend.ObjectFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.hcert.conformance.run.CertificationContext;
import org.hcert.conformance.run.Runs;
import org.jspecify.annotations.Nullable;

/**
 * Cucumber's object factory for hcert's glue: it makes each glue class once per scenario, giving
 * a constructor that asks for one the scenario's {@link ScenarioState} (made for the run that
 * launched Cucumber on this thread) and calling no-argument constructors otherwise. The run's
 * context is injected; no step reaches for a static.
 */
public final class HcertObjectFactory implements ObjectFactory {

    private final Set<Class<?>> classes = new HashSet<>();
    private final Map<Class<?>, Object> instances = new HashMap<>();
    private @Nullable ScenarioState state;

    @Override
    public void start() {
        CertificationContext run = Runs.current();
        state = new ScenarioState(run);
    }

    @Override
    public void stop() {
        instances.clear();
        state = null;
    }

    @Override
    public boolean addClass(Class<?> glueClass) {
        classes.add(glueClass);
        return true;
    }

    @Override
    public <T> T getInstance(Class<T> glueClass) {
        Object existing = instances.get(glueClass);
        if (existing != null) {
            return glueClass.cast(existing);
        }
        T made = make(glueClass);
        instances.put(glueClass, made);
        return made;
    }

    private <T> T make(Class<T> glueClass) {
        try {
            for (Constructor<?> c : glueClass.getConstructors()) {
                if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == ScenarioState.class) {
                    ScenarioState s = state;
                    if (s == null) {
                        throw new IllegalStateException("a glue object was asked for outside a scenario: " + glueClass.getName());
                    }
                    return glueClass.cast(c.newInstance(s));
                }
            }
            return glueClass.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("%s needs a public constructor taking ScenarioState, or none".formatted(glueClass.getName()), e);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot make " + glueClass.getName() + ": " + e, e);
        }
    }
}
