/**
 * The log file of a run ({@code DIR/hcert.log} for certify, a file for simulate): the only package
 * that knows the logging backend (Logback). Everything else logs through SLF4J; libraries that log
 * through {@code java.util.logging} or Commons Logging reach the same file through the JUL bridge.
 */
@NullMarked
package org.hcert.runner.log;

import org.jspecify.annotations.NullMarked;
