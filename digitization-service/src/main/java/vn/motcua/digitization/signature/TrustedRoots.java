package vn.motcua.digitization.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Loads the configured trusted roots: each entry a certificate file (PEM, possibly several, or DER) or a directory. */
final class TrustedRoots {

    private TrustedRoots() {}

    static List<X509Certificate> load(List<String> entries) {
        List<X509Certificate> roots = new ArrayList<>();
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry.trim());
            if (Files.isDirectory(path)) {
                for (Path file : certificateFiles(path)) {
                    roots.addAll(read(file));
                }
            } else {
                roots.addAll(read(path));
            }
        }
        return List.copyOf(roots);
    }

    private static List<Path> certificateFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                        return name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list trusted roots in " + directory, e);
        }
    }

    private static List<X509Certificate> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate :
                    CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new IllegalStateException("no certificate in trusted root file " + file);
            }
            return certificates;
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("cannot read trusted root file " + file + ": " + e.getMessage(), e);
        }
    }
}
