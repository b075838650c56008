package dev.triage.bootstrap;

import dev.triage.application.port.AttachmentStore;
import dev.triage.application.port.Attachments;
import dev.triage.application.port.UnitOfWork;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deletes uploads left unattached for {@code triage.attachments.unclaimed-for} (24 h), with their
 * bytes, on a timer ({@code triage.attachments.purge-every}). Every replica runs it, as the
 * idempotency purge: each batch is one DELETE that skips rows another replica holds, so an upload
 * is deleted once. Time is the injected clock's.
 */
@ApplicationScoped
public class AttachmentPurge {

  private static final Logger LOG = Logger.getLogger(AttachmentPurge.class);
  private static final int BATCH = 500;

  private final Attachments attachments;
  private final AttachmentStore store;
  private final UnitOfWork unitOfWork;
  private final Clock clock;
  private final Duration unclaimedFor;

  public AttachmentPurge(
      Attachments attachments,
      AttachmentStore store,
      UnitOfWork unitOfWork,
      Clock clock,
      @ConfigProperty(name = "triage.attachments.unclaimed-for") Duration unclaimedFor) {
    this.attachments = attachments;
    this.store = store;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
    this.unclaimedFor = unclaimedFor;
  }

  @Scheduled(
      identity = "attachment-purge",
      every = "${triage.attachments.purge-every}",
      concurrentExecution = ConcurrentExecution.SKIP)
  Uni<Void> onTimer() {
    return purge()
        .invoke(
            n -> {
              if (n > 0) {
                LOG.infof("Purged %d unattached uploads", n);
              }
            })
        .onFailure()
        .recoverWithItem(
            failure -> {
              LOG.warnf("Could not purge unattached uploads: %s", failure.toString());
              return 0;
            })
        .replaceWithVoid();
  }

  /**
   * One purge: up to a batch of uploads unattached for longer than allowed, and the bytes of
   * uploads that failed before their row was written; answers how many uploads went.
   */
  public Uni<Integer> purge() {
    Instant before = clock.instant().minus(unclaimedFor);
    return unitOfWork.transactional(
        () ->
            attachments
                .purgeUnclaimed(before, BATCH)
                .flatMap(ids -> store.erase(ids).replaceWith(ids.size()))
                .flatMap(n -> store.eraseOrphans(before).replaceWith(n)));
  }
}
