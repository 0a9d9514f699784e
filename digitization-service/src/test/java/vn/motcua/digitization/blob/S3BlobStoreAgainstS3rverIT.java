package vn.motcua.digitization.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import vn.motcua.platform.testing.TestPorts;

/**
 * {@link S3BlobStore} against a real S3-compatible server process: s3rver (npm, a Node.js S3 server that keeps
 * objects in a directory), started on a free port with a fresh bucket. It is taken from {@code var/tools} of the
 * repository and installed there with npm when missing, as ./motcua installs its other npm tools. Content goes
 * through the AWS SDK's path-style requests over HTTP, exactly as to MinIO or another S3-compatible store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3BlobStoreAgainstS3rverIT {

    static final String S3RVER_VERSION = "3.7.1";
    static final String BUCKET = "motcua-it";

    @TempDir
    Path dir;

    private Process server;
    private S3BlobStore store;

    @BeforeAll
    void startServer() throws Exception {
        Path bin = s3rver();
        int port = TestPorts.free();
        Path data = Files.createTempDirectory("s3rver-");
        server = new ProcessBuilder(List.of(
                        bin.toString(),
                        "-d",
                        data.toString(),
                        "-a",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(port),
                        "--silent",
                        "--configure-bucket",
                        BUCKET))
                .redirectErrorStream(true)
                .redirectOutput(data.resolveSibling(data.getFileName() + ".log").toFile())
                .start();
        awaitPort(port);
        BlobStorageConfiguration.S3 config = new BlobStorageConfiguration.S3();
        config.setBucket(BUCKET);
        config.setEndpoint(URI.create("http://127.0.0.1:" + port));
        config.setPathStyle(true);
        config.setPrefix("blobs/");
        // s3rver's fixed demo credentials; production reads AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY only
        store = S3BlobStore.create(
                config, StaticCredentialsProvider.create(AwsBasicCredentials.create("S3RVER", "S3RVER")));
    }

    @AfterAll
    void stopServer() throws InterruptedException {
        if (store != null) {
            store.close();
        }
        if (server != null) {
            server.destroy();
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** var/tools/node_modules/.bin/s3rver of the repository, installed with npm when missing. */
    static Path s3rver() throws IOException, InterruptedException {
        Path repo = Path.of("").toAbsolutePath();
        while (repo != null && !Files.exists(repo.resolve("mvnw"))) {
            repo = repo.getParent();
        }
        if (repo == null) {
            throw new IllegalStateException(
                    "repository root (with mvnw) not found above " + Path.of("").toAbsolutePath());
        }
        Path tools = repo.resolve("var/tools");
        Path bin = tools.resolve("node_modules/.bin/s3rver");
        if (!Files.isExecutable(bin)) {
            Process npm = new ProcessBuilder(
                            "npm",
                            "install",
                            "--prefix",
                            tools.toString(),
                            "--no-audit",
                            "--no-fund",
                            "--loglevel=error",
                            "s3rver@" + S3RVER_VERSION)
                    .redirectErrorStream(true)
                    .redirectOutput(Files.createTempFile("npm-s3rver-", ".log").toFile())
                    .start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.isExecutable(bin)) {
                throw new IllegalStateException("npm could not install s3rver@" + S3RVER_VERSION + " into " + tools
                        + " (the S3 blob store IT needs npm: apt-get install nodejs npm)");
            }
        }
        return bin;
    }

    private void awaitPort(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("s3rver exited with " + server.exitValue());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("s3rver did not listen on " + port);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void aFileRoundTripsUnderItsHash() throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(content);
        String key = sha256(content);
        Path file = dir.resolve("upload.bin");
        Files.write(file, content);

        assertThat(store.exists(key)).isFalse();
        store.put(key, file);
        assertThat(store.exists(key)).isTrue();
        try (InputStream in = store.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        // putting the same content again is a no-op, and the caller's file is untouched by put
        store.put(key, file);
        assertThat(file).exists();
    }

    @Test
    void aStreamRoundTripsAndADeletedBlobIsGone() throws Exception {
        byte[] content = "bản sao điện tử".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String key = sha256(content);
        store.put(key, new ByteArrayInputStream(content), content.length);
        try (InputStream in = store.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        store.delete(key);
        assertThat(store.exists(key)).isFalse();
        assertThatThrownBy(() -> store.open(key)).isInstanceOf(BlobStore.BlobMissingException.class);
    }

    @Test
    void adoptingAFileStoresItAndRemovesTheFile() throws Exception {
        byte[] content = "adopted".getBytes();
        Path file = dir.resolve("adopt.bin");
        Files.write(file, content);
        store.adopt(sha256(content), file);
        assertThat(file).doesNotExist();
        assertThat(store.exists(sha256(content))).isTrue();
    }

    @Test
    void aKeyThatIsNotAHashIsRefused() {
        assertThatThrownBy(() -> store.exists("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
