/** Allure attachments for measurements. */
@NullMarked
package org.hcert.conformance.evidence;

import org.jspecify.annotations.NullMarked;
