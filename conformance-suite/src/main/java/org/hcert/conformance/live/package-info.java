/**
 * Live certification: the operator at the console and, later, the robot link. A When-step acts
 * (asks the operator, sends a command) and the Then-steps judge the window that follows.
 */
@NullMarked
package org.hcert.conformance.live;

import org.jspecify.annotations.NullMarked;
