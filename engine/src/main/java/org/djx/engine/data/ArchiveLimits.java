package org.djx.engine.data;

/**
 * Bounds on what extracting one archive may produce, so that a hostile archive (a zip bomb, millions of
 * entries) stops early instead of filling the disk. Sizes count the bytes actually written, never the
 * sizes an archive declares.
 *
 * @param maxEntries    the most entries (files and folders); a tar may also have as many extended
 *                      headers (PAX, GNU long names)
 * @param maxEntryBytes the most bytes one file may expand to
 * @param maxTotalBytes the most bytes all files together may expand to, tar extended headers included
 */
public record ArchiveLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes) {
    /** 100,000 entries, 4 GiB per entry and 4 GiB in all. */
    public static final ArchiveLimits DEFAULT = new ArchiveLimits(100_000, 4L << 30, 4L << 30);

    public ArchiveLimits {
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("maxEntries must be positive, found " + maxEntries);
        }
        if (maxEntryBytes <= 0) {
            throw new IllegalArgumentException("maxEntryBytes must be positive, found " + maxEntryBytes);
        }
        if (maxTotalBytes <= 0) {
            throw new IllegalArgumentException("maxTotalBytes must be positive, found " + maxTotalBytes);
        }
    }
}
