/**
 * The wire protocol over TCP ({@code tcp://HOST:PORT?token=T}) and over TLS 1.3 on TCP
 * ({@code tls://HOST:PORT?token=T&pin=sha256:…}), with java.net sockets and the JDK's JSSE.
 */
@NullMarked
package org.hcert.adapters.tcp;

import org.jspecify.annotations.NullMarked;
