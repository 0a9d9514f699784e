package vn.motcua.digitization.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import vn.motcua.platform.pdf.PdfSigning;
import vn.motcua.platform.pdf.SigningCertificates;

/**
 * The demo's stand-in for an officer's USB token: a root CA that exists only on this machine and one signer it
 * issued, so that {@code ./motcua up} can attach results and certify copies (digitization-service accepts only PDFs
 * whose signature chains to a trusted root). Never trust this CA outside a demo: its names say so, and
 * {@code ./motcua up} uses it only when MOTCUA_DIGITIZATION_SIGNATURE_TRUSTED_ROOTS is not set.
 *
 * <pre>
 * java -cp digitization-service.jar vn.motcua.digitization.demo.DemoSigning init DIR
 *     creates, unless they exist, DIR/root-ca.pem (the certificate to trust), DIR/signer.p12 (the signer's key and
 *     chain) and DIR/signer.password (its generated password); files mode 600, DIR mode 700
 * java -cp digitization-service.jar vn.motcua.digitization.demo.DemoSigning sign DIR IN.pdf OUT.pdf
 *     signs IN.pdf (PAdES) with DIR's signer into OUT.pdf
 * </pre>
 *
 * The root's private key is not kept: the one signer is all the demo needs.
 */
public final class DemoSigning {

    public static final String ROOT_CA_NAME = "MotCua Demo Root CA (không dùng thật)";
    public static final String SIGNER_NAME = "UBND xã Ngọc Sơn (chữ ký thử nghiệm)";
    public static final String ROOT_FILE = "root-ca.pem";
    public static final String KEYSTORE_FILE = "signer.p12";
    public static final String PASSWORD_FILE = "signer.password";

    private static final String ORGANIZATION = "MotCua Demo";
    private static final String ALIAS = "signer";
    private static final String REASON = "Ký thử nghiệm bằng ./motcua sign-pdf (không có giá trị pháp lý)";
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoSigning() {}

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The command line without exiting: 0 done, 1 failed, 2 usage. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 2 && args[0].equals("init")) {
                Path dir = Path.of(args[1]);
                out.println(init(dir) ? "created demo signing CA in " + dir : "demo signing CA already in " + dir);
                return 0;
            }
            if (args.length == 4 && args[0].equals("sign")) {
                Path target = sign(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
                out.println("signed by \"" + SIGNER_NAME + "\" (demo CA only): " + target);
                return 0;
            }
        } catch (RuntimeException e) {
            err.println("demo signing: " + message(e));
            return 1;
        }
        err.println("usage: DemoSigning init DIR | DemoSigning sign DIR IN.pdf OUT.pdf");
        return 2;
    }

    /**
     * Creates the demo CA and signer in {@code dir} unless they are there already (then nothing changes, so a
     * digitization-service that trusts the root keeps trusting what is signed later). A directory holding only some
     * of the files is refused rather than overwritten.
     *
     * @return true when it created them
     */
    public static boolean init(Path dir) {
        List<Path> files = List.of(dir.resolve(ROOT_FILE), dir.resolve(KEYSTORE_FILE), dir.resolve(PASSWORD_FILE));
        long present = files.stream().filter(Files::exists).count();
        if (present == files.size()) {
            return false;
        }
        if (present > 0) {
            throw new IllegalStateException(dir + " holds only part of a demo signing CA (" + ROOT_FILE + ", "
                    + KEYSTORE_FILE + ", " + PASSWORD_FILE + "): remove the directory and run init again");
        }
        Instant now = Instant.now();
        SigningCertificates.Issued root = SigningCertificates.root(
                ROOT_CA_NAME, ORGANIZATION, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
        SigningCertificates.Issued signer = SigningCertificates.signer(
                root, SIGNER_NAME, ORGANIZATION, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1825)));
        char[] password = password();
        try {
            createPrivateDirectory(dir);
            // written under temporary names and renamed last to first: an interrupted init leaves no root-ca.pem, so
            // it never passes for a complete one
            Path staging = Files.createTempDirectory(dir, ".init-");
            writePrivate(staging.resolve(PASSWORD_FILE), new String(password).getBytes(StandardCharsets.US_ASCII));
            writePrivate(staging.resolve(KEYSTORE_FILE), keystore(signer, password));
            writePrivate(
                    staging.resolve(ROOT_FILE),
                    SigningCertificates.pem(root.certificate()).getBytes(StandardCharsets.US_ASCII));
            for (String name : List.of(PASSWORD_FILE, KEYSTORE_FILE, ROOT_FILE)) {
                Files.move(staging.resolve(name), dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.delete(staging);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the demo signing CA in " + dir, e);
        }
    }

    /** Signs {@code pdf} into {@code target} (PAdES, now) with the signer {@link #init} created in {@code dir}. */
    public static Path sign(Path dir, Path pdf, Path target) {
        Path keystoreFile = dir.resolve(KEYSTORE_FILE);
        Path passwordFile = dir.resolve(PASSWORD_FILE);
        if (!Files.exists(keystoreFile) || !Files.exists(passwordFile)) {
            throw new IllegalStateException("no demo signer in " + dir + ": run init first");
        }
        if (!Files.isRegularFile(pdf)) {
            throw new IllegalArgumentException("no such file: " + pdf);
        }
        if (Files.exists(target) && isSameFile(pdf, target)) {
            throw new IllegalArgumentException("the signed copy must be another file than " + pdf);
        }
        try (InputStream in = Files.newInputStream(keystoreFile)) {
            char[] password = Files.readString(passwordFile, StandardCharsets.US_ASCII)
                    .strip()
                    .toCharArray();
            KeyStore keystore = KeyStore.getInstance("PKCS12");
            keystore.load(in, password);
            PrivateKey key = (PrivateKey) keystore.getKey(ALIAS, password);
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : keystore.getCertificateChain(ALIAS)) {
                chain.add((X509Certificate) certificate);
            }
            // beside the target, renamed when complete; created plainly (not createTempFile, which makes it 600)
            // so the signed copy gets the usual permissions of the user's files
            Path absolute = target.toAbsolutePath();
            Path signed = Files.createFile(absolute.resolveSibling(
                    "." + absolute.getFileName() + ".signing-" + Long.toUnsignedString(RANDOM.nextLong(), 36)));
            try {
                PdfSigning.sign(pdf, signed, key, chain, PdfSigning.Signature.pades(SIGNER_NAME, REASON));
                return Files.move(signed, target, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(signed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sign " + pdf, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the demo signer in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static byte[] keystore(SigningCertificates.Issued signer, char[] password) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            KeyStore keystore = KeyStore.getInstance("PKCS12");
            keystore.load(null, null);
            keystore.setKeyEntry(ALIAS, signer.key(), password, signer.chain().toArray(new Certificate[0]));
            keystore.store(bytes, password);
            return bytes.toByteArray();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the demo signer's keystore", e);
        }
    }

    private static char[] password() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            } catch (FileAlreadyExistsException e) {
                throw new IOException(dir + " exists and is not a directory", e);
            }
        }
        Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
    }

    private static void writePrivate(Path file, byte[] content) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        // createFile applies the umask; set the mode explicitly
        Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(content);
        }
    }

    private static boolean isSameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static String message(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString();
    }
}
