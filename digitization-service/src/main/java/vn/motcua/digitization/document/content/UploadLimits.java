package vn.motcua.digitization.document.content;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code motcua.digitization.upload.*} (defaults documented in application.yml):
 * <ul>
 *   <li>{@code max-size}: largest accepted file in bytes, default 256 MiB, enforced while the stream arrives</li>
 *   <li>{@code max-image-pixels}: width × height read from a JPEG/PNG header (nothing is decoded), default 100 million
 *       pixels; a small file that claims more is a decompression bomb</li>
 *   <li>{@code max-pdf-pages}: most pages a PDF may have, default 2000</li>
 *   <li>{@code max-pdf-stream-inflated}: most bytes one compressed PDF stream may inflate to, default 256 MiB</li>
 *   <li>{@code max-pdf-total-inflated}: most bytes all of a PDF's compressed streams may inflate to together,
 *       default 2 GiB</li>
 *   <li>{@code spool-directory}: where an upload is written while it arrives; empty means
 *       {@code ${motcua.data-dir}/spool} (the same file system as the local blob store, so storing is a rename)</li>
 * </ul>
 */
@ConfigurationProperties("motcua.digitization.upload")
public class UploadLimits {

    public static final long MIB = 1024L * 1024L;
    /** The largest chunk of an upload or a download message (the contract's 1 MiB). */
    public static final int CHUNK_SIZE = (int) MIB;

    private long maxSize = 256 * MIB;
    private long maxImagePixels = 100_000_000L;
    private int maxPdfPages = 2000;
    private long maxPdfStreamInflated = 256 * MIB;
    private long maxPdfTotalInflated = 2048 * MIB;
    private String spoolDirectory = "";

    public long getMaxSize() {
        return maxSize;
    }

    public void setMaxSize(long maxSize) {
        this.maxSize = maxSize;
    }

    public long getMaxImagePixels() {
        return maxImagePixels;
    }

    public void setMaxImagePixels(long maxImagePixels) {
        this.maxImagePixels = maxImagePixels;
    }

    public int getMaxPdfPages() {
        return maxPdfPages;
    }

    public void setMaxPdfPages(int maxPdfPages) {
        this.maxPdfPages = maxPdfPages;
    }

    public long getMaxPdfStreamInflated() {
        return maxPdfStreamInflated;
    }

    public void setMaxPdfStreamInflated(long maxPdfStreamInflated) {
        this.maxPdfStreamInflated = maxPdfStreamInflated;
    }

    public long getMaxPdfTotalInflated() {
        return maxPdfTotalInflated;
    }

    public void setMaxPdfTotalInflated(long maxPdfTotalInflated) {
        this.maxPdfTotalInflated = maxPdfTotalInflated;
    }

    public String getSpoolDirectory() {
        return spoolDirectory;
    }

    public void setSpoolDirectory(String spoolDirectory) {
        this.spoolDirectory = spoolDirectory == null ? "" : spoolDirectory;
    }
}
