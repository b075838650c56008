package dev.triage.adapters.out.mail;

import dev.triage.adapters.out.relay.EventsPublished;
import dev.triage.adapters.out.relay.Rerunning;
import dev.triage.application.port.MailDeliveries.Status;
import dev.triage.application.webhook.WebhookRetryPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends the mail outbox over SMTP, on every replica at once, as the webhook sender sends deliveries
 * (ADR 0009, ADR 0026): one statement claims due mails with {@code FOR UPDATE SKIP LOCKED} and
 * leases them under a fresh token, and commits; the SMTP exchanges then run with no transaction
 * open; each outcome is recorded only while the lease is still that token's. A replica that dies
 * mid-send leaves a lease that expires, and the mail is sent again (at most one repeat per lease,
 * with the same Message-ID).
 *
 * <p>A refused or failed exchange (the server answers an error, is not there, or does not answer
 * within the timeout) is retried after a random wait of up to {@code base x 2^(attempts-1)}, at
 * most the cap ({@link WebhookRetryPolicy}); after the last allowed attempt the mail is dead. The
 * commands that caused the mail never wait for any of it.
 */
@ApplicationScoped
public class MailSender {

  private static final Logger LOG = Logger.getLogger(MailSender.class);

  static final Duration TIMER_WITHIN = Duration.ofSeconds(5);

  static final int MAX_ERROR_LENGTH = 200;

  static final String CLAIM =
      "with due as (select id from mail_deliveries"
          + " where status = 'PENDING' and next_attempt_at <= $1"
          + " and (lease_until is null or lease_until <= $1)"
          + " order by next_attempt_at limit $2 for update skip locked)"
          + " update mail_deliveries d set lease_until = $3, lease_token = $4"
          + " from due where d.id = due.id"
          + " returning d.id, d.recipient, d.subject, d.text_body, d.html_body, d.message_id,"
          + " d.in_reply_to, d.refs, d.reply_to, d.attempts";

  static final String SENT =
      "update mail_deliveries set status = 'SENT', attempts = attempts + 1, last_error = null,"
          + " next_attempt_at = null, sent_at = $2, lease_until = null, lease_token = null"
          + " where id = $1 and lease_token = $3";

  static final String FAILED =
      "update mail_deliveries set status = $2, attempts = attempts + 1, last_error = $3,"
          + " next_attempt_at = $4, lease_until = null, lease_token = null"
          + " where id = $1 and lease_token = $5";

  /** One claimed mail. */
  record Claimed(
      UUID id,
      String recipient,
      String subject,
      String text,
      String html,
      String messageId,
      String inReplyTo,
      String references,
      String replyTo,
      int attempts) {
    @Override
    public String toString() {
      return "Claimed[id=" + id + "]";
    }
  }

  private final Pool pool;
  private final Vertx vertx;
  private final Clock clock;
  private final MailConfig config;
  private final ReactiveMailer mailer;
  private final WebhookRetryPolicy retries;
  private final Duration timeout;
  private final Duration lease;
  private final int concurrency;
  private final Counter sent;
  private final Counter failed;
  private final Counter dead;
  private final Rerunning passes =
      new Rerunning(this::drain, f -> LOG.warnf("The mail sender failed: %s", f.toString()));
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean stopped;

  public MailSender(
      Pool pool,
      Vertx vertx,
      Clock clock,
      MailConfig config,
      ReactiveMailer mailer,
      MeterRegistry registry,
      @ConfigProperty(name = "triage.mail.timeout", defaultValue = "PT30S") Duration timeout,
      @ConfigProperty(name = "triage.mail.retry-base", defaultValue = "PT30S") Duration retryBase,
      @ConfigProperty(name = "triage.mail.retry-cap", defaultValue = "PT1H") Duration retryCap,
      @ConfigProperty(name = "triage.mail.max-attempts", defaultValue = "10") int maxAttempts,
      @ConfigProperty(name = "triage.mail.concurrency", defaultValue = "4") int concurrency) {
    this.pool = pool;
    this.vertx = vertx;
    this.clock = clock;
    this.config = config;
    this.mailer = mailer;
    this.retries = new WebhookRetryPolicy(retryBase, retryCap, maxAttempts);
    this.timeout = timeout;
    this.lease = timeout.multipliedBy(2).plusSeconds(5);
    this.concurrency = Math.max(1, concurrency);
    this.sent = counter(registry, "sent");
    this.failed = counter(registry, "failed");
    this.dead = counter(registry, "dead");
  }

  private static Counter counter(MeterRegistry registry, String outcome) {
    return Counter.builder("triage.mail.deliveries")
        .description("Mail sending attempts by outcome (failed: will be retried; dead: the last)")
        .tag("outcome", outcome)
        .register(registry);
  }

  void onPublished(@ObservesAsync EventsPublished published) {
    kick();
  }

  void stop(@Observes ShutdownEvent shutdown) {
    stopped = true;
  }

  /** Sends until nothing due is left; never fails. Does nothing while mail is off. */
  public void kick() {
    if (stopped || !config.enabled()) {
      return;
    }
    passes.run();
  }

  /** Runs passes until one finds nothing due or no room is left; the number of attempts begun. */
  public Uni<Integer> drain() {
    return pass()
        .flatMap(n -> n == 0 || stopped ? Uni.createFrom().item(n) : drain().map(m -> n + m));
  }

  /** Claims as many due mails as there is room for and starts sending them. */
  public Uni<Integer> pass() {
    int room = concurrency - inFlight.get();
    if (room <= 0) {
      return Uni.createFrom().item(0);
    }
    Instant now = clock.instant();
    UUID token = UUID.randomUUID();
    return pool.preparedQuery(CLAIM)
        .execute(Tuple.of(utc(now), room, utc(now.plus(lease)), token))
        .map(
            rows -> {
              int begun = 0;
              for (Row r : rows) {
                Claimed c =
                    new Claimed(
                        r.getUUID(0),
                        r.getString(1),
                        r.getString(2),
                        r.getString(3),
                        r.getString(4),
                        r.getString(5),
                        r.getString(6),
                        r.getString(7),
                        r.getString(8),
                        r.getInteger(9));
                inFlight.incrementAndGet();
                begun++;
                attempt(c)
                    .flatMap(
                        error -> stopped ? Uni.createFrom().voidItem() : record(c, token, error))
                    .onTermination()
                    .invoke(
                        () -> {
                          inFlight.decrementAndGet();
                          kick();
                        })
                    .subscribe()
                    .with(
                        done -> {},
                        f ->
                            LOG.warnf(
                                "A mail's outcome was not recorded (it will be sent again when"
                                    + " its lease ends): %s",
                                f.toString()));
              }
              return begun;
            });
  }

  /** Hands the mail to the SMTP server; empty when it took it, else what went wrong. */
  Uni<Optional<String>> attempt(Claimed c) {
    Mail mail =
        Mail.withHtml(c.recipient(), c.subject(), c.html())
            .setText(c.text())
            .setFrom(config.from())
            .addHeader("Message-ID", c.messageId())
            .addHeader("Auto-Submitted", "auto-generated");
    if (c.replyTo() != null) {
      mail.setReplyTo(c.replyTo());
    }
    if (c.inReplyTo() != null) {
      mail.addHeader("In-Reply-To", c.inReplyTo());
    }
    if (c.references() != null) {
      mail.addHeader("References", c.references());
    }
    return mailer
        .send(mail)
        .ifNoItem()
        .after(timeout)
        .failWith(() -> new TimeoutException("no answer within " + timeout))
        .map(ignored -> Optional.<String>empty())
        .onFailure()
        .recoverWithItem(f -> Optional.of(shorten(describe(f))));
  }

  private Uni<Void> record(Claimed c, UUID token, Optional<String> error) {
    Instant now = clock.instant();
    if (error.isEmpty()) {
      return pool.preparedQuery(SENT)
          .execute(Tuple.of(c.id(), utc(now), token))
          .invoke(rows -> count(rows.rowCount(), sent))
          .replaceWithVoid();
    }
    int attempts = c.attempts() + 1;
    Optional<Instant> next =
        retries.nextAttempt(attempts, now, () -> ThreadLocalRandom.current().nextDouble());
    Status status = next.isPresent() ? Status.PENDING : Status.DEAD;
    Tuple values =
        Tuple.of(c.id(), status.name(), error.get(), next.map(MailSender::utc).orElse(null), token);
    return pool.preparedQuery(FAILED)
        .execute(values)
        .invoke(
            rows -> {
              count(rows.rowCount(), next.isPresent() ? failed : dead);
              next.ifPresent(this::wakeAt);
            })
        .replaceWithVoid();
  }

  private static void count(int recorded, Counter counter) {
    if (recorded == 1) {
      counter.increment();
    }
  }

  private void wakeAt(Instant due) {
    Duration wait = Duration.between(clock.instant(), due);
    if (wait.compareTo(TIMER_WITHIN) < 0 && !stopped) {
      vertx.setTimer(Math.max(1, wait.toMillis() + 1), id -> kick());
    }
  }

  static String describe(Throwable failure) {
    Throwable f = failure;
    while (f instanceof CompletionException && f.getCause() != null) {
      f = f.getCause();
    }
    if (f instanceof TimeoutException) {
      return "no answer within the timeout";
    }
    if (f instanceof java.net.ConnectException) {
      return "could not connect";
    }
    String message = f.getMessage();
    return message == null || message.isBlank() ? f.getClass().getSimpleName() : message;
  }

  static String shorten(String error) {
    return error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
