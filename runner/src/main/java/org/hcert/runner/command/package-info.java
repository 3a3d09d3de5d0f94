/** One picocli command class per verb. */
@NullMarked
package org.hcert.runner.command;

import org.jspecify.annotations.NullMarked;
