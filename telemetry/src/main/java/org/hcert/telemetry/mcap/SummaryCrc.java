package org.hcert.telemetry.mcap;

import java.util.zip.CRC32;

/** Check a Footer's summary_crc: the CRC-32 of the summary sections and the footer's first fields. */
final class SummaryCrc {

    /** Opcode, length, summary_start and summary_offset_start: the footer bytes the CRC covers. */
    private static final int FOOTER_PREFIX_BYTES = 1 + 8 + 8 + 8;

    private static final int STEP = 1 << 20;

    private SummaryCrc() {}

    static void check(McapFile file, long footerAt, McapRecord.Footer footer) {
        long start = footer.summaryStart() == 0 ? footerAt : footer.summaryStart();
        if (start < McapFile.MAGIC.length || start > footerAt) {
            throw file.error(footerAt, Opcode.FOOTER, "summary_start %s is not between the header and the footer at %d"
                    .formatted(Long.toUnsignedString(footer.summaryStart()), footerAt));
        }
        if (footer.summaryCrc() == 0) {
            return;
        }
        CRC32 crc = new CRC32();
        long end = footerAt + FOOTER_PREFIX_BYTES;
        for (long at = start; at < end; at += STEP) {
            crc.update(file.view(at, (int) Math.min(STEP, end - at)));
        }
        if (crc.getValue() != footer.summaryCrc()) {
            throw file.error(footerAt, Opcode.FOOTER, "summary_crc is 0x%08x but bytes %d to %d hash to 0x%08x"
                    .formatted(footer.summaryCrc(), start, end, crc.getValue()));
        }
    }
}
