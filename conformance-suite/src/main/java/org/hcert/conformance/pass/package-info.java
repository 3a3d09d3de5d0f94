/**
 * One streaming pass over a recording that computes the metric of every planned scenario at once:
 * the scenarios' demands are learnt in a rehearsal, one sample stream is teed to every metric.
 */
@NullMarked
package org.hcert.conformance.pass;

import org.jspecify.annotations.NullMarked;
