package vn.motcua.digitization.blob;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;

/** The one {@link BlobStore} of the service, of the kind {@code motcua.digitization.storage.kind} names. */
@Factory
public class BlobStoreFactory {

    @Singleton
    @Bean(preDestroy = "close")
    BlobStore blobStore(BlobStorageConfiguration config, @Value("${motcua.data-dir:var}") String dataDir) {
        return switch (config.getKind()) {
            case LOCAL ->
                new LocalDirectoryBlobStore(
                        config.getLocalDirectory().isBlank()
                                ? Path.of(dataDir, "blobs")
                                : Path.of(config.getLocalDirectory()));
            // environment only: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN when used)
            case S3 -> S3BlobStore.create(config.getS3(), EnvironmentVariableCredentialsProvider.create());
        };
    }
}
