/**
 * Physical quantities with their units and dimensions: what a profile's numbers mean. A limit in
 * {@code m} where a family expects a time is refused when the profile is loaded, never judged.
 */
@NullMarked
package org.hcert.conformance.quantity;

import org.jspecify.annotations.NullMarked;
