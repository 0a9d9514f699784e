package vn.motcua.digitization.document.content;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code motcua.digitization.upload.*} (defaults documented in application.yml):
 * <ul>
 *   <li>{@code max-size}: largest accepted file in bytes, default 256 MiB, enforced while the stream arrives</li>
 *   <li>{@code max-image-pixels}: width × height read from a JPEG/PNG header (nothing is decoded), default 35 million
 *       pixels (an A4 page scanned at 600 dpi in grey, 4961 × 7016); a small file that claims more is a decompression
 *       bomb. Stamping decodes the whole image (up to 4 bytes a pixel), so the limit applied is also never more than
 *       a third of the heap allows ({@link #effectiveMaxImagePixels}): 16.7 million pixels at -Xmx192m, still an A4
 *       page at 400 dpi in colour (3307 × 4677)</li>
 *   <li>{@code max-pdf-pages}: most pages a PDF may have, default 2000</li>
 *   <li>{@code max-pdf-stream-inflated}: most bytes one compressed PDF stream may inflate to, default 256 MiB</li>
 *   <li>{@code max-pdf-total-inflated}: most bytes all of a PDF's compressed streams may inflate to together,
 *       default 2 GiB</li>
 *   <li>{@code max-pdf-objects}: most objects a PDF may have, counted in its raw bytes before PDFBox parses it,
 *       default 50 000 (PDFBox holds every object it resolves: about 600 bytes each, so 50 000 stay near 30 MB of
 *       a 192 MB heap while a 2000-page scan needs about 10 000)</li>
 *   <li>{@code max-concurrent-pdf-inspections}: PDFs parsed by PDFBox at the same time, default 2; more uploads
 *       wait their turn, so a burst of large PDFs cannot together take the heap</li>
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
    private long maxImagePixels = 35_000_000L;
    private int maxPdfPages = 2000;
    private long maxPdfStreamInflated = 256 * MIB;
    private long maxPdfTotalInflated = 2048 * MIB;
    private long maxPdfObjects = 50_000;
    private int maxConcurrentPdfInspections = 2;
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

    /**
     * The pixel limit applied at upload: {@code max-image-pixels}, lowered so that a decoded image (4 bytes a pixel
     * at most, as the stamp draws it) takes at most a third of {@code maxHeapBytes}.
     */
    public long effectiveMaxImagePixels(long maxHeapBytes) {
        return Math.min(maxImagePixels, maxHeapBytes / 3 / BYTES_PER_DECODED_PIXEL);
    }

    /** What the stamp needs per pixel once an image is decoded into an RGB(A) raster. */
    public static final int BYTES_PER_DECODED_PIXEL = 4;

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

    public long getMaxPdfObjects() {
        return maxPdfObjects;
    }

    public void setMaxPdfObjects(long maxPdfObjects) {
        this.maxPdfObjects = maxPdfObjects;
    }

    public int getMaxConcurrentPdfInspections() {
        return maxConcurrentPdfInspections;
    }

    public void setMaxConcurrentPdfInspections(int maxConcurrentPdfInspections) {
        this.maxConcurrentPdfInspections = Math.max(1, maxConcurrentPdfInspections);
    }

    public String getSpoolDirectory() {
        return spoolDirectory;
    }

    public void setSpoolDirectory(String spoolDirectory) {
        this.spoolDirectory = spoolDirectory == null ? "" : spoolDirectory;
    }
}
