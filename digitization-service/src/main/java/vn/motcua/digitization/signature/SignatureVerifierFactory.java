package vn.motcua.digitization.signature;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the trusted roots at startup (a wrong path stops the service there, not at the first result attached). */
@Factory
class SignatureVerifierFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SignatureVerifierFactory.class);

    @Context
    PdfSignatureVerifier pdfSignatureVerifier(SignatureConfiguration configuration) {
        List<X509Certificate> roots = TrustedRoots.load(configuration.getTrustedRoots());
        if (roots.isEmpty()) {
            LOG.warn("no trusted roots configured (motcua.digitization.signature.trusted-roots):"
                    + " every signed PDF will be reported UNTRUSTED");
        } else {
            LOG.info(
                    "PDF signatures are trusted when they chain to: {}",
                    roots.stream()
                            .map(r -> r.getSubjectX500Principal().getName())
                            .toList());
        }
        return new PdfBoxSignatureVerifier(roots);
    }
}
