/** Record every live session to MCAP as it happens ({@link org.hcert.adapters.recording.SessionRecorder}). */
@NullMarked
package org.hcert.adapters.recording;

import org.jspecify.annotations.NullMarked;
