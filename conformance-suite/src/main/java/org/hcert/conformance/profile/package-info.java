/** Robot, standard and lab profiles: YAML loaded, checked against JSON Schema, errors naming file, line and field. */
@NullMarked
package org.hcert.conformance.profile;

import org.jspecify.annotations.NullMarked;
