package dev.triage.adapters.out.attachment;

import dev.triage.application.port.AttachmentStore;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The S3-compatible store ({@code TRIAGE_ATTACHMENTS_STORE=s3}): one object per file, named by its
 * id, in one bucket. An upload is a multipart upload of {@value #PART}-byte parts (the smallest S3
 * allows but for the last), read from the body one part at a time, so a file is never held whole; a
 * download streams the object's body. The SDK runs on the JDK's URL connection client.
 */
public final class S3AttachmentStore implements AttachmentStore {

  /** 5 MiB: S3's smallest part but the last. */
  static final int PART = 5 * 1024 * 1024;

  /** Where and how to reach the bucket. */
  public record Settings(
      URI endpoint,
      String region,
      String bucket,
      String accessKey,
      String secretKey,
      boolean pathStyle,
      String prefix) {}

  private final S3Client s3;
  private final String bucket;
  private final String prefix;

  public S3AttachmentStore(Settings settings) {
    this.s3 =
        S3Client.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .endpointOverride(settings.endpoint())
            .region(Region.of(settings.region()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
            .forcePathStyle(settings.pathStyle())
            // Checksums only where an operation requires them: S3-compatible servers differ in
            // the newer checksum headers and trailers they read.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .build();
    this.bucket = settings.bucket();
    this.prefix = settings.prefix();
  }

  private String key(UUID id) {
    return prefix + id;
  }

  @Override
  public long write(UUID id, InputStream bytes) throws IOException {
    String upload;
    try {
      upload = s3.createMultipartUpload(b -> b.bucket(bucket).key(key(id))).uploadId();
    } catch (SdkException e) {
      throw unavailable(e);
    }
    try {
      byte[] part = new byte[PART];
      List<CompletedPart> parts = new ArrayList<>();
      long written = 0;
      int number = 1;
      while (true) {
        int read = bytes.readNBytes(part, 0, PART);
        if (read == 0 && number > 1) {
          break;
        }
        int n = number;
        String etag =
            s3.uploadPart(
                    b -> b.bucket(bucket).key(key(id)).uploadId(upload).partNumber(n),
                    RequestBody.fromInputStream(
                        new java.io.ByteArrayInputStream(part, 0, read), read))
                .eTag();
        parts.add(CompletedPart.builder().partNumber(n).eTag(etag).build());
        written += read;
        number++;
        if (read < PART) {
          break;
        }
      }
      s3.completeMultipartUpload(
          b ->
              b.bucket(bucket)
                  .key(key(id))
                  .uploadId(upload)
                  .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
      return written;
    } catch (IOException | RuntimeException e) {
      try {
        s3.abortMultipartUpload(b -> b.bucket(bucket).key(key(id)).uploadId(upload));
      } catch (SdkException ignored) {
        // An upload left open is the bucket's to expire.
      }
      if (e instanceof SdkException sdk) {
        throw unavailable(sdk);
      }
      throw e;
    }
  }

  /** The SDK's failure as the port's: the store is out of reach or refused; nothing changed. */
  private static AttachmentStore.Unavailable unavailable(SdkException e) {
    return new AttachmentStore.Unavailable("the attachment store did not answer: " + e, e);
  }

  @Override
  public InputStream read(UUID id) throws IOException {
    try {
      return s3.getObject(b -> b.bucket(bucket).key(key(id)));
    } catch (NoSuchKeyException e) {
      return InputStream.nullInputStream();
    } catch (SdkException e) {
      throw unavailable(e);
    }
  }

  @Override
  public void remove(UUID id) {
    try {
      s3.deleteObject(b -> b.bucket(bucket).key(key(id)));
    } catch (SdkException e) {
      // Left behind: the bucket holds an object nothing names.
    }
  }

  @Override
  public Uni<Void> erase(List<UUID> ids) {
    if (ids.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return blocking(
        () -> {
          // One DeleteObject per file: the batch DeleteObjects needs a checksum of its body that
          // S3-compatible servers do not all implement (S3Proxy answers 501 to the SDK's).
          try {
            for (UUID id : ids) {
              s3.deleteObject(b -> b.bucket(bucket).key(key(id)));
            }
          } catch (SdkException e) {
            throw unavailable(e); // the redaction rolls back: its text and files stay as they were
          }
          return null;
        });
  }

  /**
   * Nothing: an object written by an upload that failed before its row stays in the bucket (a
   * lifecycle rule on the bucket can expire such objects; ADR 29).
   */
  @Override
  public Uni<Integer> eraseOrphans(Instant before) {
    return Uni.createFrom().item(0);
  }

  /**
   * Runs {@code work} off the event loop and goes on on the caller's Vert.x context (where its
   * database session lives), or runs it here when there is no context.
   */
  private static <T> Uni<T> blocking(Callable<T> work) {
    Context context = Vertx.currentContext();
    if (context == null) {
      return Uni.createFrom().item(() -> call(work));
    }
    return Uni.createFrom()
        .completionStage(() -> context.executeBlocking(work, false).toCompletionStage());
  }

  private static <T> T call(Callable<T> work) {
    try {
      return work.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
