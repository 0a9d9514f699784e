package vn.motcua.digitization.blob;

import java.io.InputStream;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs as objects {@code <prefix><sha256>} in one bucket of an S3-compatible store (AWS SDK v2 with the JDK's URL
 * connection client, so no Netty or Apache client is pulled in). An S3 PUT is atomic: a reader sees the whole
 * object or none. Checksums are sent only when an operation requires them, because S3-compatible servers do not all
 * understand the SDK's newer trailing checksums; the content hash is ours anyway and checked on upload.
 */
public class S3BlobStore implements BlobStore {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3BlobStore(S3Client s3, String bucket, String prefix) {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalStateException("motcua.digitization.storage.s3.bucket is required for the s3 store");
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
    }

    /** A client for the configured endpoint (none: AWS itself) with the given credentials. */
    public static S3BlobStore create(BlobStorageConfiguration.S3 config, AwsCredentialsProvider credentials) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(config.getRegion()))
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(config.isPathStyle())
                        // plain aws-chunked bodies with per-chunk signatures are not understood by every
                        // S3-compatible server (s3rver stored the chunk framing as content); a whole-body payload
                        // hash works everywhere, and a file body is simply read twice
                        .chunkedEncodingEnabled(false)
                        .build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (config.getEndpoint() != null) {
            builder.endpointOverride(config.getEndpoint());
        }
        return new S3BlobStore(builder.build(), config.getBucket(), config.getPrefix());
    }

    private String key(String sha256) {
        return prefix + BlobStore.checkKey(sha256);
    }

    @Override
    public void put(String sha256, Path file) {
        if (exists(sha256)) {
            return;
        }
        s3.putObject(b -> b.bucket(bucket).key(key(sha256)), RequestBody.fromFile(file));
    }

    @Override
    public void put(String sha256, InputStream content, long size) {
        if (exists(sha256)) {
            return;
        }
        s3.putObject(b -> b.bucket(bucket).key(key(sha256)), RequestBody.fromInputStream(content, size));
    }

    @Override
    public InputStream open(String sha256) {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key(sha256)));
        } catch (NoSuchKeyException e) {
            throw new BlobMissingException(sha256);
        }
    }

    @Override
    public boolean exists(String sha256) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key(sha256)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void delete(String sha256) {
        s3.deleteObject(b -> b.bucket(bucket).key(key(sha256)));
    }

    @Override
    public void close() {
        s3.close();
    }
}
