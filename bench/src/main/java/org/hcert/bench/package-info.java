/**
 * Benchmark tooling, not part of hcert: a deterministic generator of long 1 kHz recordings of a
 * 40-joint humanoid (MCAP with CDR bodies, zstd or uncompressed, and NDJSON), a harness that
 * times hcert's raw MCAP reader and one that times its CSV writer and reader. {@code bench/run.sh}
 * and {@code bench/csv.sh} drive them; see docs/performance.md.
 */
@NullMarked
package org.hcert.bench;

import org.jspecify.annotations.NullMarked;
