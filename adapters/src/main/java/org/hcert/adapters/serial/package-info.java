/** The wire protocol over a serial port ({@code serial:///dev/ttyUSB0?baud=921600}): the only package that uses jSerialComm. */
@NullMarked
package org.hcert.adapters.serial;

import org.jspecify.annotations.NullMarked;
