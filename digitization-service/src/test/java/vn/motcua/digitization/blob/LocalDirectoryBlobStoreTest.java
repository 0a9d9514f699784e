package vn.motcua.digitization.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Blobs land fanned out under their hash, whole, and nothing is left in the incoming directory. */
class LocalDirectoryBlobStoreTest {

    static final String KEY = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"; // "abc"

    @TempDir
    Path dir;

    @Test
    void adoptMovesTheFileUnderItsFannedOutHash() throws Exception {
        LocalDirectoryBlobStore store = new LocalDirectoryBlobStore(dir.resolve("blobs"));
        Path spooled = Files.writeString(dir.resolve("upload.part"), "abc");
        store.adopt(KEY, spooled);

        assertThat(spooled).doesNotExist();
        assertThat(dir.resolve("blobs/ba/78/" + KEY)).hasContent("abc");
        try (InputStream in = store.open(KEY)) {
            assertThat(in.readAllBytes()).isEqualTo("abc".getBytes());
        }
        try (Stream<Path> incoming = Files.list(dir.resolve("blobs/.incoming"))) {
            assertThat(incoming).isEmpty();
        }
    }

    @Test
    void putCopiesAndLeavesTheCallersFileAndAnExistingBlobIsKept() throws Exception {
        LocalDirectoryBlobStore store = new LocalDirectoryBlobStore(dir.resolve("blobs"));
        Path file = Files.writeString(dir.resolve("mine"), "abc");
        store.put(KEY, file);
        store.put(KEY, new ByteArrayInputStream("abc".getBytes()), 3);
        assertThat(file).exists();
        assertThat(store.exists(KEY)).isTrue();
        store.delete(KEY);
        assertThat(store.exists(KEY)).isFalse();
        assertThatThrownBy(() -> store.open(KEY)).isInstanceOf(BlobStore.BlobMissingException.class);
    }

    @Test
    void keysThatAreNotHashesCannotNameAPath() {
        LocalDirectoryBlobStore store = new LocalDirectoryBlobStore(dir.resolve("blobs"));
        assertThatThrownBy(() -> store.open("../../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.exists(KEY.toUpperCase())).isInstanceOf(IllegalArgumentException.class);
    }
}
