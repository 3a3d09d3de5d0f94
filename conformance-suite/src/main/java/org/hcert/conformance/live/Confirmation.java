package org.hcert.conformance.live;

import java.time.Instant;

/**
 * A person confirmed a manual step: who, when, and what was asked.
 *
 * @param instruction what the operator was asked to do
 * @param operator the operator's name as the lab profile gives it
 * @param askedAt when the prompt appeared
 * @param confirmedAt when the operator confirmed
 */
public record Confirmation(String instruction, String operator, Instant askedAt, Instant confirmedAt) {}
