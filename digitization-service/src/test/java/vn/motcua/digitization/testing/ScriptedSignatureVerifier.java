package vn.motcua.digitization.testing;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import vn.motcua.digitization.signature.PdfSignatureVerifier;
import vn.motcua.digitization.signature.SignatureReport;
import vn.motcua.digitization.signature.SignatureVerdict;
import vn.motcua.digitization.signature.SignerInfo;

/**
 * TEST DOUBLE of {@link PdfSignatureVerifier} (helper H2 builds the real one with PDFBox and Bouncy Castle): the
 * file says its own verdict in a line {@code VERDICT=<name>} (none: UNSIGNED), so tests can drive every verdict
 * without signed fixtures. {@link Secondary}: the real bean wins once both are on the classpath, and the tests then
 * need real signed fixtures (the throwaway CA in the platform test-jar).
 */
@Singleton
@Secondary
public class ScriptedSignatureVerifier implements PdfSignatureVerifier {

    public static byte[] pdf(SignatureVerdict verdict) {
        return ("%PDF-1.7\n% test file\nVERDICT=" + verdict.name() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public SignatureReport verify(Path pdf) {
        String text;
        try {
            text = Files.readString(pdf, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int at = text.indexOf("VERDICT=");
        if (at < 0) {
            return new SignatureReport(SignatureVerdict.UNSIGNED, "Không có chữ ký số", List.of());
        }
        String name = text.substring(at + 8).lines().findFirst().orElse("").strip();
        SignatureVerdict verdict = SignatureVerdict.valueOf(name);
        boolean valid = verdict == SignatureVerdict.VALID;
        return new SignatureReport(
                verdict,
                valid ? "Chữ ký số hợp lệ" : "Chữ ký số không hợp lệ: " + verdict,
                List.of(new SignerInfo(
                        "CN=UBND xa Thu Nghiep,O=MotCua Test",
                        "UBND xa Thu Nghiep",
                        "CN=MotCua Test CA",
                        "1f",
                        Instant.parse("2026-05-04T03:00:00Z"),
                        verdict != SignatureVerdict.TAMPERED,
                        verdict != SignatureVerdict.TAMPERED,
                        valid,
                        "ETSI.CAdES.detached",
                        valid ? null : verdict.name())));
    }
}
