package dev.triage.bootstrap;

import dev.triage.adapters.in.mail.ImapPoller;
import dev.triage.adapters.out.mail.MailSender;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;

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

  /** Reads the support mailbox over IMAP, when one is configured (blocking: a worker thread). */
  @Scheduled(
      identity = "mail-imap",
      every = "${triage.mail.imap.poll}",
      concurrentExecution = ConcurrentExecution.SKIP)
  void readMailbox() {
    if (imap.enabled()) {
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
