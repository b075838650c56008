package dev.triage.bootstrap;

import dev.triage.adapters.in.mail.ImapPoller;
import dev.triage.adapters.out.mail.MailSender;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The mail sender's poll on every replica: published events and short retries wake it at once; this
 * timer catches retries that come due later and whatever a lost wake-up left. Nothing is done while
 * mail is off.
 */
@ApplicationScoped
public class MailJobs {

  private final MailSender sender;
  private final ImapPoller imap;

  public MailJobs(MailSender sender, ImapPoller imap) {
    this.sender = sender;
    this.imap = imap;
  }

  /** Watches the support mailbox with IMAP IDLE where the server offers it. */
  void startIdling(@Observes StartupEvent started) {
    imap.startIdling();
  }

  void stopIdling(@Observes ShutdownEvent stopping) {
    imap.stopIdling();
  }

  /**
   * Reads the support mailbox over IMAP, when one is configured (blocking: a worker thread); not
   * while it is watched with IDLE, which reads each message as it comes.
   */
  @Scheduled(
      identity = "mail-imap",
      every = "${triage.mail.imap.poll}",
      concurrentExecution = ConcurrentExecution.SKIP)
  void readMailbox() {
    if (imap.enabled() && !imap.idling()) {
      imap.poll();
    }
  }

  @Scheduled(
      identity = "mail-sender",
      every = "${triage.mail.poll}",
      concurrentExecution = ConcurrentExecution.SKIP)
  void poll() {
    sender.kick();
  }
}
