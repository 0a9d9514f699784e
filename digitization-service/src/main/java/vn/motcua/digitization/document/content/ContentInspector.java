package vn.motcua.digitization.document.content;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import vn.motcua.platform.error.DomainException;

/**
 * Decides whether a spooled file may become a document version, from its bytes alone (the name plays no part):
 * <ol>
 *   <li>not empty; its type, detected by Tika's magic bytes, is PDF, JPEG or PNG (an executable renamed
 *       {@code .pdf} is an executable);</li>
 *   <li>an image's width × height from its header is within {@code max-image-pixels} and within what the heap
 *       allows the stamp to decode ({@link UploadLimits#effectiveMaxImagePixels});</li>
 *   <li>a PDF passes {@link PdfRawScanner} (no JavaScript, Launch or XFA name, in plain objects or inflated object
 *       streams; no stream inflating past its limits; at most {@code max-pdf-objects} objects), then PDFBox opens it
 *       from the file with a temp-file-only cache: not encrypted, 1 to {@code max-pdf-pages} pages, and no object
 *       anywhere (object streams included) holding a JavaScript or Launch action, a {@code /JS}, {@code /JavaScript}
 *       or {@code /XFA} entry or a JavaScript name tree, nor direct objects nested deeper than the walk follows
 *       (what it cannot see it does not let in).</li>
 * </ol>
 * PDFBox holds each object it resolves, so at most {@code max-concurrent-pdf-inspections} PDFs are parsed at once
 * (others wait) and a parse that overflows the stack (a pathological chain) is a refusal, not a server error. Every
 * refusal is INVALID_ARGUMENT on {@code file} with a sentence saying what was found.
 */
@Singleton
public class ContentInspector {

    static final Set<String> ACCEPTED = Set.of(InspectedContent.PDF, InspectedContent.JPEG, InspectedContent.PNG);
    static final int MAX_WALK_DEPTH = 64;
    private static final COSName LAUNCH = COSName.getPDFName("Launch");

    private final UploadLimits limits;
    private final Detector detector;
    private final Semaphore pdfInspections;

    private final long maxImagePixels;

    @Inject
    public ContentInspector(UploadLimits limits) {
        this(limits, Runtime.getRuntime().maxMemory());
    }

    /** {@code maxHeapBytes} caps the image pixel limit ({@link UploadLimits#effectiveMaxImagePixels}). */
    ContentInspector(UploadLimits limits, long maxHeapBytes) {
        this.limits = limits;
        this.maxImagePixels = limits.effectiveMaxImagePixels(maxHeapBytes);
        this.detector = TikaConfig.getDefaultConfig().getDetector();
        this.pdfInspections = new Semaphore(limits.getMaxConcurrentPdfInspections(), true);
    }

    public InspectedContent inspect(SpooledContent content) {
        if (content.size() == 0) {
            throw Refusals.file("the file is empty (0 bytes)");
        }
        if (content.size() > limits.getMaxSize()) {
            throw Refusals.tooLarge(limits.getMaxSize());
        }
        String type = detect(content.file());
        if (!ACCEPTED.contains(type)) {
            throw Refusals.file("the content is " + type + ", not a PDF, JPEG or PNG (the type is read from the"
                    + " bytes, not from the file name)");
        }
        if (InspectedContent.PDF.equals(type)) {
            return new InspectedContent(type, pdfPagesOneAtATime(content.file()));
        }
        ImageHeaders.Size size = ImageHeaders.read(content.file(), type)
                .orElseThrow(() -> Refusals.file("the " + label(type) + " header cannot be read"));
        if (size.width() == 0 || size.height() == 0) {
            throw Refusals.file("the " + label(type) + " has no pixels (" + size.width() + " × " + size.height() + ")");
        }
        if (size.pixels() > limits.getMaxImagePixels()) {
            throw Refusals.file("the " + label(type) + " claims " + size.width() + " × " + size.height()
                    + " pixels, more than the limit of " + limits.getMaxImagePixels()
                    + " (a decompression bomb is refused)");
        }
        if (size.pixels() > maxImagePixels) {
            throw Refusals.file("the " + label(type) + " has " + size.width() + " × " + size.height()
                    + " pixels, more than the " + maxImagePixels + " this service can stamp with its memory;"
                    + " scan at a lower resolution (300 dpi is enough for an A4 page) or upload a PDF");
        }
        return new InspectedContent(type, 1);
    }

    private static String label(String type) {
        return InspectedContent.PNG.equals(type) ? "PNG image" : "JPEG image";
    }

    String detect(Path file) {
        try (TikaInputStream in = TikaInputStream.get(file)) {
            // a fresh Metadata without the resource name: detection from the bytes only
            MediaType type = detector.detect(in, new Metadata());
            return type.getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int pdfPagesOneAtATime(Path file) {
        pdfInspections.acquireUninterruptibly();
        try {
            return pdfPages(file);
        } finally {
            pdfInspections.release();
        }
    }

    private int pdfPages(Path file) {
        PdfRawScanner.Result raw =
                PdfRawScanner.scan(file, limits.getMaxPdfStreamInflated(), limits.getMaxPdfTotalInflated());
        if (raw.bomb() != null) {
            throw Refusals.file("the PDF is refused: " + raw.bomb() + " (a decompression bomb)");
        }
        refuseActiveContent(raw.javaScript(), raw.launch(), raw.xfa());
        if (raw.objects() > limits.getMaxPdfObjects()) {
            throw tooManyObjects(raw.objects());
        }
        try (PDDocument pdf = Loader.loadPDF(
                new RandomAccessReadBufferedFile(file.toFile()), "", IOUtils.createTempFileOnlyStreamCache())) {
            if (pdf.isEncrypted()) {
                throw encrypted();
            }
            Map<COSObjectKey, Long> xref = pdf.getDocument().getXrefTable();
            if (xref.size() > limits.getMaxPdfObjects()) {
                throw tooManyObjects(xref.size());
            }
            Found found = activeContent(pdf.getDocument());
            refuseActiveContent(found.javaScript, found.launch, found.xfa);
            if (found.tooDeep) {
                throw Refusals.file("the PDF nests objects deeper than " + MAX_WALK_DEPTH
                        + " levels, too deep to check for active content");
            }
            int pages = pdf.getNumberOfPages();
            if (pages < 1) {
                throw Refusals.file("the PDF has no pages");
            }
            if (pages > limits.getMaxPdfPages()) {
                throw Refusals.file(
                        "the PDF has " + pages + " pages, more than the limit of " + limits.getMaxPdfPages());
            }
            return pages;
        } catch (InvalidPasswordException e) {
            throw encrypted();
        } catch (DomainException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw Refusals.file("the PDF cannot be read: " + simple(e));
        } catch (StackOverflowError e) {
            // a chain of references or nested objects deep enough to exhaust the parser's stack
            throw Refusals.file("the PDF cannot be read: its objects are nested or chained too deeply");
        }
    }

    private DomainException tooManyObjects(long count) {
        return Refusals.file("the PDF has " + count + " objects, more than the limit of " + limits.getMaxPdfObjects());
    }

    private static void refuseActiveContent(boolean javaScript, boolean launch, boolean xfa) {
        if (javaScript) {
            throw javaScript();
        }
        if (launch) {
            throw Refusals.file("the PDF contains a Launch action (it would start a program or open a file)");
        }
        if (xfa) {
            throw Refusals.file("the PDF contains an XFA form (a scripted form a scan never has)");
        }
    }

    private static String simple(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static DomainException encrypted() {
        return Refusals.file("the PDF is encrypted or password-protected; upload an unprotected copy");
    }

    private static DomainException javaScript() {
        return Refusals.file("the PDF contains JavaScript (an action, a /JS entry or a JavaScript name tree)");
    }

    /** What the structural walk found. */
    static final class Found {
        boolean javaScript;
        boolean launch;
        boolean xfa;
        boolean tooDeep;

        boolean any() {
            return javaScript || launch || xfa || tooDeep;
        }
    }

    /**
     * Every object of the cross-reference table (those inside object streams too), with the direct objects nested
     * in it: an entry named JS, JavaScript or XFA, an action whose /S is /JavaScript or /Launch, or nesting deeper
     * than {@link #MAX_WALK_DEPTH} (refused: a walk that stops there would miss what lies below).
     */
    static Found activeContent(COSDocument document) {
        Found found = new Found();
        for (COSObjectKey key : document.getXrefTable().keySet()) {
            COSObject object = document.getObjectFromPool(key);
            if (object != null) {
                walk(object.getObject(), found);
                if (found.any()) {
                    return found;
                }
            }
        }
        // the trailer (and a catalog the table does not list) directly
        walk(document.getTrailer(), found);
        return found;
    }

    private static void walk(COSBase root, Found found) {
        Deque<COSBase> todo = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        todo.push(root);
        depths.push(0);
        while (!todo.isEmpty() && !found.any()) {
            COSBase base = todo.pop();
            int depth = depths.pop();
            if (base == null) {
                continue;
            }
            if (depth > MAX_WALK_DEPTH) {
                found.tooDeep = true;
                return;
            }
            if (base instanceof COSDictionary dictionary) {
                if (dictionary.containsKey(COSName.JS) || dictionary.containsKey(COSName.JAVA_SCRIPT)) {
                    found.javaScript = true;
                }
                COSBase action = dictionary.getItem(COSName.S);
                found.javaScript |= COSName.JAVA_SCRIPT.equals(action);
                found.launch |= LAUNCH.equals(action);
                found.xfa |= dictionary.containsKey(COSName.XFA);
                for (COSBase value : dictionary.getValues()) {
                    if (!(value instanceof COSObject)) {
                        todo.push(value);
                        depths.push(depth + 1);
                    }
                }
            } else if (base instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    COSBase value = array.get(i);
                    if (!(value instanceof COSObject)) {
                        todo.push(value);
                        depths.push(depth + 1);
                    }
                }
            }
        }
    }
}
