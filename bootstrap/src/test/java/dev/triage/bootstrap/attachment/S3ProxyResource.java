package dev.triage.bootstrap.attachment;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server: S3Proxy (Maven Central, copied to {@code target/s3proxy} by the
 * build) over jclouds' in-memory blob store, run as a process of its own (its libraries do not
 * share a class path with the service's), speaking the S3 protocol over HTTP with signed requests,
 * with one bucket for the service.
 */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {

  static final String BUCKET = "triage-attachments";
  private static final String ACCESS = "triage-access";
  private static final String SECRET = "triage-secret-key";
  private static final Duration START = Duration.ofSeconds(90);

  private Process proxy;

  @Override
  public Map<String, String> start() {
    try {
      Path jar = Path.of(System.getProperty("s3proxy.jar", "target/s3proxy/s3proxy.jar"));
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(jar.toAbsolutePath() + " is missing (mvn test copies it)");
      }
      int port;
      try (ServerSocket free = new ServerSocket(0)) {
        port = free.getLocalPort();
      }
      URI endpoint = URI.create("http://127.0.0.1:" + port);
      Path dir = Files.createTempDirectory("s3proxy");
      Path conf = dir.resolve("s3proxy.conf");
      Files.writeString(
          conf,
          String.join(
              "\n",
              "s3proxy.endpoint=" + endpoint,
              "s3proxy.authorization=aws-v2-or-v4",
              "s3proxy.identity=" + ACCESS,
              "s3proxy.credential=" + SECRET,
              "jclouds.provider=transient",
              "jclouds.identity=identity",
              "jclouds.credential=credential",
              ""));
      String java = ProcessHandle.current().info().command().orElse("java");
      proxy =
          new ProcessBuilder(
                  java, "-Xmx256m", "-jar", jar.toString(), "--properties", conf.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("s3proxy.log").toFile())
              .start();
      createBucket(endpoint);
      return Map.of(
          "triage.attachments.store", "s3",
          "triage.attachments.s3.endpoint", endpoint.toString(),
          "triage.attachments.s3.bucket", BUCKET,
          "triage.attachments.s3.access-key", ACCESS,
          "triage.attachments.s3.secret-key", SECRET);
    } catch (IOException e) {
      throw new IllegalStateException("S3Proxy did not start", e);
    }
  }

  /** Makes the bucket once the server answers (it listens a few seconds after its start). */
  private void createBucket(URI endpoint) {
    Instant deadline = Instant.now().plus(START);
    try (S3Client s3 =
        S3Client.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, SECRET)))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      while (true) {
        try {
          s3.createBucket(b -> b.bucket(BUCKET));
          return;
        } catch (SdkClientException notYet) {
          if (!proxy.isAlive() || Instant.now().isAfter(deadline)) {
            throw new IllegalStateException("S3Proxy did not answer", notYet);
          }
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
      }
    }
  }

  /** Hands this server to the test's field of its type, if it has one (to stop it midway). */
  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(this, new TestInjector.MatchesType(S3ProxyResource.class));
  }

  /** Stops the server now, as an outage would; {@link #stop()} at the end is then a no-op. */
  public void kill() {
    stop();
  }

  @Override
  public void stop() {
    if (proxy != null) {
      proxy.destroy();
      try {
        proxy.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
