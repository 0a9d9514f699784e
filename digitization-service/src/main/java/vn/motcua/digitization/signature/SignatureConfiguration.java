package vn.motcua.digitization.signature;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.util.List;

/**
 * {@code motcua.digitization.signature.*}: {@code trusted-roots}, the root certificates a signer must chain to — PEM
 * (or DER) files, or directories whose *.pem, *.crt and *.cer files are all read. Read once at startup; a path that
 * holds no certificate stops the service. Empty (the default) trusts nothing: every signed PDF is then UNTRUSTED.
 */
@ConfigurationProperties("motcua.digitization.signature")
public class SignatureConfiguration {

    private List<String> trustedRoots = List.of();

    public List<String> getTrustedRoots() {
        return trustedRoots;
    }

    public void setTrustedRoots(List<String> trustedRoots) {
        this.trustedRoots = trustedRoots == null ? List.of() : List.copyOf(trustedRoots);
    }
}
