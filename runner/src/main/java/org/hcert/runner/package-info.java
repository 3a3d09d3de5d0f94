/** The hcert command line: entry point, exit codes and the mapping of exceptions to them. */
@NullMarked
package org.hcert.runner;

import org.jspecify.annotations.NullMarked;
