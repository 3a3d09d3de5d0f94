/** The certificate, the Allure results setup and the Allure HTML report. */
@NullMarked
package org.hcert.runner.report;

import org.jspecify.annotations.NullMarked;
