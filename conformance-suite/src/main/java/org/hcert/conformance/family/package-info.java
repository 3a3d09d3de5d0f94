/**
 * The registry of checks: each metric family is one class that declares what it reads, the names
 * of its limits and parameters with their physical dimension, its options, its live action, and how
 * it turns samples into readings. A clause of the standard profile is data (a family, options,
 * limits, parameters); {@link org.hcert.conformance.family.Families} checks it when the profile is
 * loaded, so a misspelled name or a wrong unit is a profile error, never a verdict.
 */
@NullMarked
package org.hcert.conformance.family;

import org.jspecify.annotations.NullMarked;
