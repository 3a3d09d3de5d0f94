package org.hcert.adapters.safety;

/** The person at the robot, asked to confirm before the harness moves it. */
@FunctionalInterface
public interface Operator {

    /**
     * Ask a yes/no question and wait for the answer.
     *
     * @return true only for an explicit yes
     */
    boolean confirm(String question);
}
