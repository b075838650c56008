package dev.triage.bootstrap;

import dev.triage.adapters.out.webhook.WebhookSender;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The webhook sender's poll on every replica: published events and short retries wake it at once;
 * this timer catches retries that come due later, redeliveries and whatever a lost wake-up left.
 */
@ApplicationScoped
public class WebhookJobs {

  private final WebhookSender sender;

  public WebhookJobs(WebhookSender sender) {
    this.sender = sender;
  }

  @Scheduled(
      identity = "webhook-sender",
      every = "${triage.webhooks.poll}",
      concurrentExecution = ConcurrentExecution.SKIP)
  void poll() {
    sender.kick();
  }
}
