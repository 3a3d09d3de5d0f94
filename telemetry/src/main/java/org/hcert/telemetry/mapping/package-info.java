/** Mapping from a recording's topics to hcert's signal roles, as declared in a robot profile. */
@NullMarked
package org.hcert.telemetry.mapping;

import org.jspecify.annotations.NullMarked;
