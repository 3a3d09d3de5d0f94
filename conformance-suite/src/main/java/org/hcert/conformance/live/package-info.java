/**
 * Live certification: the operator at the console and the robot link ({@code LiveSession}). A
 * When-step acts (asks the operator, sends a command) and the Then-steps judge the window that
 * follows, captured from the link.
 */
@NullMarked
package org.hcert.conformance.live;

import org.jspecify.annotations.NullMarked;
