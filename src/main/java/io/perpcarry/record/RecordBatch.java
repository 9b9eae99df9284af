package io.perpcarry.record;

/**
 * Lines of one recorder pass, compressed as one gzip member, for the day file they belong to.
 *
 * @param fileName the day file, e.g. {@code market-2026-12-02.jsonl.gz}
 * @param gzip     one gzip member, appended to the file as is
 * @param lines    how many lines it holds (0: nothing to write)
 */
public record RecordBatch(String fileName, byte[] gzip, int lines) {
    public boolean empty() {
        return lines == 0;
    }
}
