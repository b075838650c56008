package dev.triage.bootstrap.attachment;

import dev.triage.bootstrap.sweep.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Set;

/**
 * The same attachment tests against the S3-compatible store ({@code TRIAGE_ATTACHMENTS_STORE=s3}),
 * with a real S3-compatible server (S3Proxy) running beside the service.
 */
@QuarkusTest
@TestProfile(S3AttachmentsIT.S3Store.class)
class S3AttachmentsIT extends AttachmentsContract {

  /** Movable time, and the bytes in S3Proxy's bucket. */
  public static class S3Store implements QuarkusTestProfile {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
      return Set.of(MovableClock.class);
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(S3ProxyResource.class));
    }
  }
}
