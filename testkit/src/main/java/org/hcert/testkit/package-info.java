/** Fixtures shared by several modules' tests: real pseudo-terminal pairs. */
@NullMarked
package org.hcert.testkit;

import org.jspecify.annotations.NullMarked;
