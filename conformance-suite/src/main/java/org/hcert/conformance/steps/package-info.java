/** Cucumber glue: thin steps that parse, call a metric and record a verdict. */
@NullMarked
package org.hcert.conformance.steps;

import org.jspecify.annotations.NullMarked;
