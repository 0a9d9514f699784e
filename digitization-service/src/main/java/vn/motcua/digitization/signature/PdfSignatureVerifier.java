package vn.motcua.digitization.signature;

import java.nio.file.Path;

/** Checks the digital signatures of a PDF (PAdES / adbe.pkcs7.detached) against the configured trusted roots. */
public interface PdfSignatureVerifier {

    /** Never throws for a bad file: an unreadable signature is {@link SignatureVerdict#MALFORMED}. */
    SignatureReport verify(Path pdf);
}
