package vn.motcua.digitization.blob;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.net.URI;

/**
 * {@code motcua.digitization.storage.*} (defaults documented in application.yml):
 * <ul>
 *   <li>{@code kind}: {@code local} (a directory, the default) or {@code s3} (an S3-compatible object store)</li>
 *   <li>{@code local-directory}: where the local store keeps blobs; empty means {@code ${motcua.data-dir}/blobs}</li>
 *   <li>{@code s3.bucket}, {@code s3.region}, {@code s3.endpoint} (empty: AWS itself), {@code s3.path-style}
 *       (true for MinIO-like servers), {@code s3.prefix} (key prefix inside the bucket). Credentials come from the
 *       environment only ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}), never from a file in the
 *       repository.</li>
 * </ul>
 */
@ConfigurationProperties("motcua.digitization.storage")
public class BlobStorageConfiguration {

    public enum Kind {
        LOCAL,
        S3
    }

    private Kind kind = Kind.LOCAL;
    private String localDirectory = "";
    private S3 s3 = new S3();

    public Kind getKind() {
        return kind;
    }

    public void setKind(Kind kind) {
        this.kind = kind;
    }

    public String getLocalDirectory() {
        return localDirectory;
    }

    public void setLocalDirectory(String localDirectory) {
        this.localDirectory = localDirectory == null ? "" : localDirectory;
    }

    public S3 getS3() {
        return s3;
    }

    public void setS3(S3 s3) {
        this.s3 = s3;
    }

    @ConfigurationProperties("s3")
    public static class S3 {

        private String bucket = "";
        private String region = "us-east-1";
        private URI endpoint;
        private boolean pathStyle;
        private String prefix = "blobs/";

        public String getBucket() {
            return bucket;
        }

        public void setBucket(String bucket) {
            this.bucket = bucket;
        }

        public String getRegion() {
            return region;
        }

        public void setRegion(String region) {
            this.region = region;
        }

        public URI getEndpoint() {
            return endpoint;
        }

        public void setEndpoint(URI endpoint) {
            this.endpoint = endpoint;
        }

        public boolean isPathStyle() {
            return pathStyle;
        }

        public void setPathStyle(boolean pathStyle) {
            this.pathStyle = pathStyle;
        }

        public String getPrefix() {
            return prefix;
        }

        public void setPrefix(String prefix) {
            this.prefix = prefix == null ? "" : prefix;
        }
    }
}
