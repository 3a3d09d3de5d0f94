package org.hcert.conformance.evidence;

import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Allure's Cucumber plugin, writing to one run's results folder rather than the JVM-wide default,
 * so that two certifications in one JVM keep their reports apart. Cucumber makes the plugin from
 * its name and the argument after the colon: the key under which the run registered its lifecycle.
 */
public final class AllurePlugin extends AllureCucumber7Jvm {

    private static final Map<String, AllureLifecycle> LIFECYCLES = new ConcurrentHashMap<>();

    public AllurePlugin(String runId) {
        super(lifecycle(runId));
    }

    private static AllureLifecycle lifecycle(String runId) {
        AllureLifecycle l = LIFECYCLES.get(runId);
        if (l == null) {
            throw new IllegalStateException("no Allure lifecycle is registered for run " + runId);
        }
        return l;
    }

    /** Make {@code lifecycle} the plugin's for run {@code runId} until {@link #unregister}. */
    public static void register(String runId, AllureLifecycle lifecycle) {
        LIFECYCLES.put(runId, lifecycle);
    }

    public static void unregister(String runId) {
        LIFECYCLES.remove(runId);
    }
}
