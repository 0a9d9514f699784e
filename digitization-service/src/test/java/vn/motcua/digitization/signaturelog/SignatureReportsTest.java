package vn.motcua.digitization.signaturelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.digitization.blob.BlobStore;
import vn.motcua.digitization.blob.LocalDirectoryBlobStore;
import vn.motcua.digitization.signature.PdfSignatureVerifier;
import vn.motcua.digitization.signature.SignatureReport;
import vn.motcua.digitization.signature.SignatureVerdict;

/** A stored version is verified where it lies when the store keeps files; copied to a temp file only for S3. */
class SignatureReportsTest {

    @TempDir
    Path dir;

    /** Records the file it is handed and whether it existed then. */
    private static final class Recording implements PdfSignatureVerifier {
        final List<Path> files = new ArrayList<>();

        @Override
        public SignatureReport verify(Path pdf) {
            assertThat(pdf).exists();
            files.add(pdf);
            return new SignatureReport(SignatureVerdict.UNSIGNED, "-", List.of());
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aLocalBlobIsVerifiedInPlaceWithoutACopy() throws Exception {
        byte[] pdf = "%PDF-1.7 local".getBytes();
        String sha = sha256(pdf);
        LocalDirectoryBlobStore store = new LocalDirectoryBlobStore(dir.resolve("blobs"));
        store.put(sha, new ByteArrayInputStream(pdf), pdf.length);
        Recording verifier = new Recording();

        new SignatureReports(null, verifier, store).verify(sha);

        assertThat(verifier.files).containsExactly(store.localFile(sha).orElseThrow());
        assertThat(verifier.files.get(0))
                .startsWith(dir.resolve("blobs").toAbsolutePath().normalize());
    }

    @Test
    void aRemoteBlobIsCopiedToATempFileThatIsDeletedAfterwards() throws Exception {
        byte[] pdf = "%PDF-1.7 remote".getBytes();
        String sha = sha256(pdf);
        BlobStore remote = new BlobStore() {
            @Override
            public void put(String sha256, Path file) {}

            @Override
            public void put(String sha256, InputStream content, long size) {}

            @Override
            public InputStream open(String sha256) {
                return new ByteArrayInputStream(pdf);
            }

            @Override
            public boolean exists(String sha256) {
                return true;
            }

            @Override
            public void delete(String sha256) {}
        };
        Recording verifier = new Recording();

        new SignatureReports(null, verifier, remote).verify(sha);

        assertThat(verifier.files)
                .singleElement()
                .satisfies(copy -> assertThat(copy).doesNotExist());
    }
}
