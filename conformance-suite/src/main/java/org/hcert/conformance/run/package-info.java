/** Running the features through the JUnit Platform launcher and collecting per-scenario verdicts. */
@NullMarked
package org.hcert.conformance.run;

import org.jspecify.annotations.NullMarked;
