/** The wire protocol over TCP ({@code tcp://HOST:PORT?token=T}), with java.net sockets. */
@NullMarked
package org.hcert.adapters.tcp;

import org.jspecify.annotations.NullMarked;
