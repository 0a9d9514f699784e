package vn.motcua.digitization.testing;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import vn.motcua.digitization.stamp.QrPayload;
import vn.motcua.digitization.stamp.QrStamper;

/**
 * TEST DOUBLE of {@link QrStamper} (helper H2 builds the real one with PDFBox and zxing): copies the file and
 * appends a line {@code QR:<json>}, so a test can read back what would be encoded. {@link Secondary}: the real bean
 * wins once both are on the classpath.
 */
@Singleton
@Secondary
public class MarkerQrStamper implements QrStamper {

    public static final String MARK = "\nQR:";

    @Override
    public String stamp(Path source, String mediaType, QrPayload p, Path target) {
        String json = json(p);
        try {
            Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(target, MARK + json, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return json;
    }

    public static String json(QrPayload p) {
        return "{\"dossierCode\":\"" + p.dossierCode() + "\",\"procedureCode\":\"" + p.procedureCode()
                + "\",\"applicantId\":\"" + p.applicantId() + "\",\"documentName\":\"" + p.documentName() + "\"}";
    }
}
