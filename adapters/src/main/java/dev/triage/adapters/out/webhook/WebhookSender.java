package dev.triage.adapters.out.webhook;

import dev.triage.adapters.out.relay.EventsPublished;
import dev.triage.adapters.out.relay.Rerunning;
import dev.triage.application.port.WebhookDeliveries.Status;
import dev.triage.application.webhook.WebhookRetryPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ConnectTimeoutException;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
 * Sends queued webhook deliveries, on every replica at once without sending one attempt twice: a
 * single statement claims due deliveries with {@code FOR UPDATE SKIP LOCKED} and leases them (until
 * now + 2 x timeout + 5 s) under a fresh token, and commits; the requests then go out with no
 * transaction open; each outcome is recorded only if the lease is still that token's (a redelivery
 * or an expired lease taken over elsewhere voids it). A replica that dies mid-attempt leaves a
 * lease that expires, and the delivery is tried again: at least once.
 *
 * <p>2xx is delivered; any other status, a timeout, a refused address or a failed connection is a
 * failed attempt, retried on {@link WebhookRetryPolicy}'s schedule until the last allowed attempt,
 * then dead. Redirects are not followed. Woken by published events, by a timer for retries due
 * within seconds, and by a poll ({@code WebhookJobs}).
 *
 * <p>Each attempt resolves the host once, through {@link WebhookAddressGuard}, and connects to the
 * address it checked: a name that resolves elsewhere a moment later (DNS rebinding) cannot lead the
 * request into the service's own network. The JDK HttpClient always resolves the URL's host itself,
 * so requests go out with Vert.x's client instead: {@link RequestOptions#setServer} names the
 * socket address to connect to while the host stays the URL's name, which Vert.x uses for the Host
 * header, for SNI and for TLS host name verification (on, with the JDK's trusted roots).
 */
@ApplicationScoped
public class WebhookSender {

  private static final Logger LOG = Logger.getLogger(WebhookSender.class);

  /** A retry due sooner than this gets a timer of its own instead of waiting for the poll. */
  static final Duration TIMER_WITHIN = Duration.ofSeconds(5);

  static final int MAX_ERROR_LENGTH = 200;

  /**
   * Claims due deliveries, oldest first, at most {@code $5} out at once per webhook across all
   * replicas (counting unexpired leases), so one slow receiver cannot take every place.
   */
  static final String CLAIM =
      "with candidates as (select x.id, x.webhook_id, x.next_attempt_at,"
          + " row_number() over (partition by x.webhook_id order by x.next_attempt_at, x.id) as n"
          + " from (select d.id, d.webhook_id, d.next_attempt_at from webhook_deliveries d"
          + " join webhooks w on w.id = d.webhook_id"
          + " where d.status = 'PENDING' and w.active and d.next_attempt_at <= $1"
          + " and (d.lease_until is null or d.lease_until <= $1)"
          + " order by d.next_attempt_at limit 1000) x),"
          + " busy as (select webhook_id, count(*) as out from webhook_deliveries"
          + " where lease_until > $1 group by webhook_id),"
          + " due as (select d.id from webhook_deliveries d join candidates c on c.id = d.id"
          + " left join busy b on b.webhook_id = c.webhook_id"
          + " where c.n + coalesce(b.out, 0) <= $5 and d.status = 'PENDING'"
          + " and (d.lease_until is null or d.lease_until <= $1)"
          + " order by c.next_attempt_at limit $2 for update of d skip locked)"
          + " update webhook_deliveries d set lease_until = $3, lease_token = $4"
          + " from due, webhooks w where d.id = due.id and w.id = d.webhook_id"
          + " returning d.id, d.event_id, d.body, d.attempts, w.url, w.secret";

  static final String DELIVERED =
      "update webhook_deliveries set status = 'DELIVERED', attempts = attempts + 1,"
          + " last_response_code = $2, last_error = null, next_attempt_at = null,"
          + " delivered_at = $3, lease_until = null, lease_token = null"
          + " where id = $1 and lease_token = $4";

  static final String FAILED =
      "update webhook_deliveries set status = $2, attempts = attempts + 1,"
          + " last_response_code = $3, last_error = $4, next_attempt_at = $5,"
          + " lease_until = null, lease_token = null"
          + " where id = $1 and lease_token = $6";

  /** One claimed delivery. */
  record Claimed(UUID id, UUID eventId, String body, int attempts, String url, String secret) {
    @Override
    public String toString() {
      return "Claimed[id=" + id + ", url=" + url + "]";
    }
  }

  /** What one attempt came to: a status code if the receiver answered, an error if it failed. */
  record Attempt(Optional<Integer> responseCode, Optional<String> error) {
    boolean delivered() {
      return error.isEmpty() && responseCode.filter(c -> c >= 200 && c < 300).isPresent();
    }

    static Attempt answered(int code) {
      return new Attempt(
          Optional.of(code),
          code >= 200 && code < 300 ? Optional.empty() : Optional.of("HTTP " + code));
    }

    static Attempt failed(String error) {
      return new Attempt(Optional.empty(), Optional.of(shorten(error)));
    }
  }

  private final Pool pool;
  private final Vertx vertx;
  private final Clock clock;
  private final WebhookAddressGuard guard;
  private final WebhookRetryPolicy retries;
  private final Duration timeout;
  private final Duration lease;
  private final int concurrency;
  private final int perWebhook;
  private final HttpClient client;
  private final Counter delivered;
  private final Counter failed;
  private final Counter dead;
  private final Rerunning passes =
      new Rerunning(this::drain, f -> LOG.warnf("The webhook sender failed: %s", f.toString()));
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean stopped;

  public WebhookSender(
      Pool pool,
      Vertx vertx,
      Clock clock,
      WebhookAddressGuard guard,
      MeterRegistry registry,
      @ConfigProperty(name = "triage.webhooks.timeout", defaultValue = "PT10S") Duration timeout,
      @ConfigProperty(name = "triage.webhooks.retry-base", defaultValue = "PT10S")
          Duration retryBase,
      @ConfigProperty(name = "triage.webhooks.retry-cap", defaultValue = "PT1H") Duration retryCap,
      @ConfigProperty(name = "triage.webhooks.max-attempts", defaultValue = "8") int maxAttempts,
      @ConfigProperty(name = "triage.webhooks.concurrency", defaultValue = "16") int concurrency,
      @ConfigProperty(name = "triage.webhooks.per-webhook-concurrency", defaultValue = "4")
          int perWebhook) {
    this.pool = pool;
    this.vertx = vertx;
    this.clock = clock;
    this.guard = guard;
    this.retries = new WebhookRetryPolicy(retryBase, retryCap, maxAttempts);
    this.timeout = timeout;
    this.lease = timeout.multipliedBy(2).plusSeconds(5);
    this.concurrency = concurrency;
    this.perWebhook = perWebhook;
    HttpClientOptions options =
        new HttpClientOptions()
            .setProtocolVersion(HttpVersion.HTTP_1_1)
            .setVerifyHost(true)
            .setTrustAll(false)
            .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
            .setMaxPoolSize(Math.max(1, concurrency));
    this.client = vertx == null ? null : vertx.createHttpClient(options);
    this.delivered = counter(registry, "delivered");
    this.failed = counter(registry, "failed");
    this.dead = counter(registry, "dead");
  }

  private static Counter counter(MeterRegistry registry, String outcome) {
    return Counter.builder("triage.webhook.deliveries")
        .description(
            "Webhook delivery attempts by outcome (failed: will be retried; dead: the last)")
        .tag("outcome", outcome)
        .register(registry);
  }

  void onPublished(@ObservesAsync EventsPublished published) {
    kick();
  }

  void stop(@Observes ShutdownEvent shutdown) {
    stopped = true;
    if (client != null) {
      client.closeAndForget();
    }
  }

  /**
   * Sends until nothing due is left; a call while sending makes it look once more. Never fails: a
   * failure is logged and the next wake-up tries again (leases expire on their own).
   */
  public void kick() {
    if (stopped) {
      return;
    }
    passes.run();
  }

  /** Runs passes until one finds nothing due or no room is left; the number of attempts begun. */
  public Uni<Integer> drain() {
    return pass()
        .flatMap(n -> n == 0 || stopped ? Uni.createFrom().item(n) : drain().map(m -> n + m));
  }

  /**
   * Claims as many due deliveries as there is room for (at most {@code concurrency} attempts are
   * out at once per replica) and starts them; each one, when its outcome is recorded, frees its
   * place and looks for more. A slow receiver holds one place until its timeout, never the whole
   * queue. Answers the number of attempts begun.
   */
  public Uni<Integer> pass() {
    int room = concurrency - inFlight.get();
    if (room <= 0) {
      return Uni.createFrom().item(0);
    }
    Instant now = clock.instant();
    UUID token = UUID.randomUUID();
    return pool.preparedQuery(CLAIM)
        .execute(Tuple.of(utc(now), room, utc(now.plus(lease)), token, perWebhook))
        .map(
            rows -> {
              int begun = 0;
              for (Row r : rows) {
                Claimed c =
                    new Claimed(
                        r.getUUID(0),
                        r.getUUID(1),
                        r.getString(2),
                        r.getInteger(3),
                        r.getString(4),
                        r.getString(5));
                inFlight.incrementAndGet();
                begun++;
                attempt(c)
                    // Cut short by shutdown: not the receiver's failure. Nothing is recorded;
                    // the lease ends and another replica tries again.
                    .flatMap(
                        outcome ->
                            stopped ? Uni.createFrom().voidItem() : record(c, token, outcome))
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
                                "A webhook delivery's outcome was not recorded (it will be"
                                    + " tried again when its lease ends): %s",
                                f.toString()));
              }
              return begun;
            });
  }

  /** Checks where the URL leads now, then posts the body; never fails. */
  Uni<Attempt> attempt(Claimed c) {
    URI url;
    try {
      url = URI.create(c.url());
    } catch (IllegalArgumentException e) {
      return Uni.createFrom().item(Attempt.failed("the URL is not valid"));
    }
    return Uni.createFrom()
        .item(() -> guard.target(url.getHost()))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .flatMap(
            target ->
                target.refusal().isPresent()
                    ? Uni.createFrom().item(Attempt.failed("refused: " + target.refusal().get()))
                    : post(c, url, target.address().orElseThrow()))
        .onFailure()
        .recoverWithItem(f -> Attempt.failed(describe(f)));
  }

  /** Posts the body to {@code address}, the one checked for the URL's host; never resolves. */
  private Uni<Attempt> post(Claimed c, URI url, InetAddress address) {
    boolean tls = "https".equalsIgnoreCase(url.getScheme());
    int port = url.getPort() != -1 ? url.getPort() : tls ? 443 : 80;
    String host = url.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    if (url.getRawQuery() != null) {
      path = path + "?" + url.getRawQuery();
    }
    long timestamp = clock.instant().getEpochSecond();
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
            .setHost(host)
            .setPort(port)
            .setSsl(tls)
            .setURI(path)
            .setFollowRedirects(false)
            .setConnectTimeout(timeout.toMillis())
            .putHeader("Content-Type", "application/json")
            .putHeader("User-Agent", "Triage-Webhooks/1")
            .putHeader("Triage-Event-Id", c.eventId().toString())
            .putHeader("Triage-Delivery-Id", c.id().toString())
            .putHeader("Triage-Timestamp", Long.toString(timestamp))
            .putHeader(
                "Triage-Signature", WebhookSignature.header(c.secret(), timestamp, c.body()));
    Buffer body = Buffer.buffer(c.body().getBytes(StandardCharsets.UTF_8));
    return client
        .request(options)
        .flatMap(
            request ->
                request
                    .send(body)
                    .flatMap(response -> response.body().map(ignored -> response.statusCode()))
                    // Cut short (the timeout below): the exchange is reset, not left open.
                    .onCancellation()
                    .invoke(request::reset))
        // Covers the connection, the headers and the body: a body that never ends is cut here,
        // so a stuck receiver cannot hold a place for good.
        .ifNoItem()
        .after(timeout)
        .failWith(() -> new TimeoutException("no complete answer within " + timeout))
        .map(Attempt::answered);
  }

  private Uni<Void> record(Claimed c, UUID token, Attempt attempt) {
    Instant now = clock.instant();
    if (attempt.delivered()) {
      return pool.preparedQuery(DELIVERED)
          .execute(Tuple.of(c.id(), attempt.responseCode().orElseThrow(), utc(now), token))
          .invoke(rows -> count(rows.rowCount(), delivered))
          .replaceWithVoid();
    }
    int attempts = c.attempts() + 1;
    Optional<Instant> next =
        retries.nextAttempt(attempts, now, () -> ThreadLocalRandom.current().nextDouble());
    Status status = next.isPresent() ? Status.PENDING : Status.DEAD;
    Tuple values =
        Tuple.of(
            c.id(),
            status.name(),
            attempt.responseCode().orElse(null),
            attempt.error().orElse(null),
            next.map(WebhookSender::utc).orElse(null),
            token);
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

  /** Retries due within seconds get a timer, so short backoffs are not rounded up to the poll. */
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
    if (f instanceof ConnectTimeoutException) {
      return "connection timed out";
    }
    if (f instanceof TimeoutException) {
      return "no answer within the timeout";
    }
    if (f instanceof ConnectException) {
      return "could not connect";
    }
    String message = f.getMessage();
    return message == null || message.isBlank() ? "the request failed" : message;
  }

  static String shorten(String error) {
    return error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
