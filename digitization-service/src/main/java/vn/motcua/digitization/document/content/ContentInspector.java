package vn.motcua.digitization.document.content;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
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
 *   <li>an image's width × height from its header is within {@code max-image-pixels};</li>
 *   <li>a PDF passes {@link PdfRawScanner} (no JavaScript name, no stream inflating past its limits), then PDFBox
 *       opens it from the file with a temp-file-only cache (memory stays flat whatever the file's size): not
 *       encrypted, 1 to {@code max-pdf-pages} pages, and no object anywhere (object streams included) holding a
 *       JavaScript action, a {@code /JS} or {@code /JavaScript} entry or a JavaScript name tree.</li>
 * </ol>
 * Every refusal is INVALID_ARGUMENT on {@code file} with a sentence saying what was found.
 */
@Singleton
public class ContentInspector {

    static final Set<String> ACCEPTED = Set.of(InspectedContent.PDF, InspectedContent.JPEG, InspectedContent.PNG);
    private static final int MAX_PDF_OBJECTS = 2_000_000;
    private static final int MAX_WALK_DEPTH = 64;

    private final UploadLimits limits;
    private final Detector detector;

    public ContentInspector(UploadLimits limits) {
        this.limits = limits;
        this.detector = TikaConfig.getDefaultConfig().getDetector();
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
            return new InspectedContent(type, pdfPages(content.file()));
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

    private int pdfPages(Path file) {
        PdfRawScanner.Result raw =
                PdfRawScanner.scan(file, limits.getMaxPdfStreamInflated(), limits.getMaxPdfTotalInflated());
        if (raw.bomb() != null) {
            throw Refusals.file("the PDF is refused: " + raw.bomb() + " (a decompression bomb)");
        }
        if (raw.javaScript()) {
            throw javaScript();
        }
        try (PDDocument pdf = Loader.loadPDF(
                new RandomAccessReadBufferedFile(file.toFile()), "", IOUtils.createTempFileOnlyStreamCache())) {
            if (pdf.isEncrypted()) {
                throw encrypted();
            }
            if (holdsJavaScript(pdf.getDocument())) {
                throw javaScript();
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

    /**
     * Every object of the cross-reference table (those inside object streams too), with the direct objects nested
     * in it: an entry named JS or JavaScript, or an action whose /S is /JavaScript.
     */
    static boolean holdsJavaScript(COSDocument document) {
        Map<COSObjectKey, Long> xref = document.getXrefTable();
        if (xref.size() > MAX_PDF_OBJECTS) {
            throw Refusals.file("the PDF has more than " + MAX_PDF_OBJECTS + " objects");
        }
        for (COSObjectKey key : xref.keySet()) {
            COSObject object = document.getObjectFromPool(key);
            if (object != null && holdsJavaScript(object.getObject())) {
                return true;
            }
        }
        // the trailer (and a catalog the table does not list) directly
        return holdsJavaScript(document.getTrailer());
    }

    private static boolean holdsJavaScript(COSBase root) {
        Deque<COSBase> todo = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        todo.push(root);
        depths.push(0);
        while (!todo.isEmpty()) {
            COSBase base = todo.pop();
            int depth = depths.pop();
            if (base == null || depth > MAX_WALK_DEPTH) {
                continue;
            }
            if (base instanceof COSDictionary dictionary) {
                if (dictionary.containsKey(COSName.JS) || dictionary.containsKey(COSName.JAVA_SCRIPT)) {
                    return true;
                }
                if (COSName.JAVA_SCRIPT.equals(dictionary.getItem(COSName.S))) {
                    return true;
                }
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
        return false;
    }
}
