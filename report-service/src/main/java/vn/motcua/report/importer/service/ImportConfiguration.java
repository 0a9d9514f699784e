package vn.motcua.report.importer.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code motcua.report.import.*} (documented in application.yml and docs/runtime.md):
 * <ul>
 *   <li>{@code max-bytes}: largest file of one import, enforced while it streams in (default 2 GiB);</li>
 *   <li>{@code max-rows}: most rows of one import (default 5 000 000);</li>
 *   <li>{@code max-concurrent}: imports running at once in this process; one more is refused with
 *       RESOURCE_EXHAUSTED (default 2: each holds a gRPC worker and a spool file while it runs);</li>
 *   <li>{@code spool-directory}: where a file is kept while it is checked and applied (default
 *       {@code <motcua.data-dir>/import-spool});</li>
 *   <li>{@code stale-after}: a RUNNING import whose heartbeat (every batch) is older than this died with its process;
 *       a repeat of its request id runs it again (default 10m).</li>
 * </ul>
 */
@ConfigurationProperties("motcua.report.import")
public class ImportConfiguration {

    private long maxBytes = 2L * 1024 * 1024 * 1024;
    private long maxRows = 5_000_000;
    private int maxConcurrent = 2;
    private String spoolDirectory = "";
    private Duration staleAfter = Duration.ofMinutes(10);

    public long getMaxBytes() {
        return maxBytes;
    }

    public void setMaxBytes(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("motcua.report.import.max-bytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    public long getMaxRows() {
        return maxRows;
    }

    public void setMaxRows(long maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("motcua.report.import.max-rows must be positive: " + maxRows);
        }
        this.maxRows = maxRows;
    }

    public int getMaxConcurrent() {
        return maxConcurrent;
    }

    public void setMaxConcurrent(int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException(
                    "motcua.report.import.max-concurrent must be 1 or more: " + maxConcurrent);
        }
        this.maxConcurrent = maxConcurrent;
    }

    public String getSpoolDirectory() {
        return spoolDirectory;
    }

    public void setSpoolDirectory(String spoolDirectory) {
        this.spoolDirectory = spoolDirectory == null ? "" : spoolDirectory;
    }

    public Duration getStaleAfter() {
        return staleAfter;
    }

    public void setStaleAfter(Duration staleAfter) {
        this.staleAfter = staleAfter;
    }
}
