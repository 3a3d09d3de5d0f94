/**
 * Live links to a robot standing in front of the harness: the {@link org.hcert.adapters.RobotLink}
 * seam, its {@link org.hcert.adapters.LinkException}s (a lost link is never silent), commands,
 * link URIs and options. Implementations: {@code tcp} and {@code serial}, both speaking the wire
 * protocol of {@code org.hcert.adapters.wire}.
 */
@NullMarked
package org.hcert.adapters;

import org.jspecify.annotations.NullMarked;
