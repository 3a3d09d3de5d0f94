/**
 * A minimal robot-side peer speaking the wire protocol, with fault injection: for contract tests,
 * for the simulator's servers, and as a reference for vendors writing a bridge. Not a mock: it
 * runs the real codec over a real transport.
 */
@NullMarked
package org.hcert.adapters.testing;

import org.jspecify.annotations.NullMarked;
