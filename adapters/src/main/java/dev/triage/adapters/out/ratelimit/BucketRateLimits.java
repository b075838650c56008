package dev.triage.adapters.out.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.triage.application.port.RateDecision;
import dev.triage.application.port.RateLimit;
import dev.triage.application.port.RateLimits;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.LaunchMode;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * {@link RateLimits} on Bucket4j token buckets that refill continuously.
 *
 * <p>Global limits (login, register) are rows of {@code rate_limit_bucket} in PostgreSQL, read and
 * written under {@code SELECT ... FOR UPDATE} over JDBC, so every replica counts against the same
 * bucket; those calls block and run on a worker thread, never on the event loop. Keys are stored
 * only as SHA-256 hashes, and rows that have refilled completely expire and are swept in batches.
 *
 * <p>The other limits are in-memory buckets of this replica: with N replicas behind a balancer a
 * caller may get up to N times the limit. An idle caller's bucket is dropped once it would have
 * refilled, so memory follows the number of active callers.
 */
@ApplicationScoped
public class BucketRateLimits implements RateLimits {

  static final String TABLE = "rate_limit_bucket";
  private static final Logger LOG = Logger.getLogger(BucketRateLimits.class);
  private static final long RELAXED_FACTOR = 1000;
  private static final long LOCAL_MAX_KEYS = 200_000;
  private static final int SWEEP_EVERY = 512;
  private static final int SWEEP_BATCH = 1000;

  private final boolean enabled;
  private final TimeMeter clock;
  private final Map<RateLimit, Size> sizes = new EnumMap<>(RateLimit.class);
  private final Map<RateLimit, Cache<String, Bucket>> local = new EnumMap<>(RateLimit.class);
  private final Map<RateLimit, Counter> refusals = new EnumMap<>(RateLimit.class);
  private final PostgreSQLSelectForUpdateBasedProxyManager<String> shared;
  private final AtomicLong sharedCalls = new AtomicLong();

  /** One limit as configured: its size, and the bucket configuration that enforces it. */
  private record Size(
      long limit, Duration window, Bandwidth bandwidth, BucketConfiguration configuration) {
    static Size of(long limit, Duration window) {
      if (limit < 1 || window.isZero() || window.isNegative()) {
        throw new IllegalArgumentException("a rate limit needs a positive size and window");
      }
      Bandwidth bandwidth = Bandwidth.builder().capacity(limit).refillGreedy(limit, window).build();
      return new Size(
          limit, window, bandwidth, BucketConfiguration.builder().addLimit(bandwidth).build());
    }
  }

  /**
   * Builds the limiter of one replica; a second instance on the same {@code dataSource} shares
   * every global bucket with the first, as a second replica would.
   */
  @Inject
  public BucketRateLimits(
      DataSource dataSource, RateLimitsConfig config, RateLimitClock clock, MeterRegistry meters) {
    this.enabled = config.enabled();
    this.clock = clock;
    long factor =
        config.relaxed().orElse(LaunchMode.current() == LaunchMode.TEST) ? RELAXED_FACTOR : 1;
    sizes.put(
        RateLimit.LOGIN_PER_IP,
        size(config.loginPerIp().limit(), config.loginPerIp().window(), factor));
    sizes.put(
        RateLimit.LOGIN_PER_ACCOUNT_AND_IP,
        size(
            config.loginPerAccountAndIp().limit(), config.loginPerAccountAndIp().window(), factor));
    sizes.put(
        RateLimit.LOGIN_PER_ACCOUNT,
        size(config.loginPerAccount().limit(), config.loginPerAccount().window(), factor));
    sizes.put(
        RateLimit.REGISTER_PER_IP,
        size(config.registerPerIp().limit(), config.registerPerIp().window(), factor));
    sizes.put(
        RateLimit.CREATE_TICKET_PER_USER,
        size(config.createTicketPerUser().limit(), config.createTicketPerUser().window(), factor));
    sizes.put(
        RateLimit.API_PER_CALLER,
        size(config.apiPerCaller().limit(), config.apiPerCaller().window(), factor));
    sizes.put(
        RateLimit.PASSWORD_RESET_PER_IP,
        size(config.passwordResetPerIp().limit(), config.passwordResetPerIp().window(), factor));
    sizes.put(
        RateLimit.PASSWORD_RESET_PER_ADDRESS,
        size(
            config.passwordResetPerAddress().limit(),
            config.passwordResetPerAddress().window(),
            factor));
    for (RateLimit limit : RateLimit.values()) {
      refusals.put(
          limit,
          Counter.builder("triage.rate.limited")
              .description("Requests refused by a rate limit")
              .tag("limit", limit.name().toLowerCase(Locale.ROOT))
              .register(meters));
      if (!limit.global()) {
        local.put(
            limit,
            Caffeine.newBuilder()
                .expireAfterAccess(sizes.get(limit).window())
                .maximumSize(LOCAL_MAX_KEYS)
                .build());
      }
    }
    this.shared =
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table(TABLE)
            .clientClock(clock)
            .requestTimeout(config.storeTimeout())
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofMinutes(1)))
            .build();
  }

  private static Size size(long limit, Duration window, long factor) {
    return Size.of(Math.multiplyExact(limit, factor), window);
  }

  @Override
  public Uni<RateDecision> consume(RateLimit limit, String key) {
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(key, "key");
    Size size = sizes.get(limit);
    if (!enabled) {
      return Uni.createFrom()
          .item(
              new RateDecision(
                  true,
                  size.limit(),
                  size.limit(),
                  size.window(),
                  Duration.ZERO,
                  limit.policyName()));
    }
    return onBucket(
        limit, key, bucket -> decide(limit, size, bucket.tryConsumeAndReturnRemaining(1)));
  }

  @Override
  public Uni<RateDecision> peek(RateLimit limit, String key) {
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(key, "key");
    Size size = sizes.get(limit);
    if (!enabled) {
      return consume(limit, key);
    }
    return onBucket(
        limit,
        key,
        bucket -> {
          EstimationProbe probe = bucket.estimateAbilityToConsume(1);
          return new RateDecision(
              probe.canBeConsumed(),
              size.limit(),
              Math.max(0, probe.getRemainingTokens()),
              size.window(),
              probe.canBeConsumed()
                  ? Duration.ZERO
                  : Duration.ofNanos(Math.max(0, probe.getNanosToWaitForRefill())),
              limit.policyName());
        });
  }

  @Override
  public Uni<Void> giveBack(RateLimit limit, String key) {
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(key, "key");
    if (!enabled) {
      return Uni.createFrom().voidItem();
    }
    return onBucket(
            limit,
            key,
            bucket -> {
              bucket.addTokens(1);
              return true;
            })
        .replaceWithVoid();
  }

  /**
   * Runs {@code work} on the bucket of {@code limit} for {@code key}: at once for a bucket of this
   * replica; on a worker thread for a shared one, whose calls block on PostgreSQL.
   */
  private <T> Uni<T> onBucket(RateLimit limit, String key, Function<Bucket, T> work) {
    Size size = sizes.get(limit);
    if (!limit.global()) {
      return Uni.createFrom().item(() -> work.apply(localBucket(limit, size, key)));
    }
    return Uni.createFrom()
        .deferred(
            () -> {
              Context caller = Vertx.currentContext();
              Uni<T> blocking =
                  Uni.createFrom()
                      .item(() -> work.apply(sharedBucket(limit, size, key)))
                      .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
              // Continue on the caller's Vert.x context, where reactive sessions expect to be.
              return caller == null
                  ? blocking
                  : blocking.emitOn(task -> caller.runOnContext(ignored -> task.run()));
            });
  }

  private Bucket localBucket(RateLimit limit, Size size, String key) {
    return local
        .get(limit)
        .get(
            key,
            k ->
                Bucket.builder().addLimit(size.bandwidth()).withCustomTimePrecision(clock).build());
  }

  private Bucket sharedBucket(RateLimit limit, Size size, String key) {
    // The size is part of the id: a changed configuration starts from fresh buckets.
    String id =
        limit.policyName()
            + '/'
            + size.limit()
            + '/'
            + size.window().toSeconds()
            + '/'
            + sha256(key);
    if (sharedCalls.incrementAndGet() % SWEEP_EVERY == 0) {
      sweep();
    }
    return shared.builder().build(id, size::configuration);
  }

  /** Deletes a batch of shared buckets that have refilled completely: they hold no information. */
  private void sweep() {
    try {
      int removed = shared.removeExpired(SWEEP_BATCH);
      LOG.debugf("Removed %d expired rate-limit buckets", removed);
    } catch (RuntimeException e) {
      LOG.warnf("Could not remove expired rate-limit buckets: %s", e.toString());
    }
  }

  private RateDecision decide(RateLimit limit, Size size, ConsumptionProbe probe) {
    if (probe.isConsumed()) {
      return new RateDecision(
          true,
          size.limit(),
          Math.max(0, probe.getRemainingTokens()),
          size.window(),
          Duration.ZERO,
          limit.policyName());
    }
    refusals.get(limit).increment();
    return new RateDecision(
        false,
        size.limit(),
        0,
        size.window(),
        Duration.ofNanos(Math.max(0, probe.getNanosToWaitForRefill())),
        limit.policyName());
  }

  private static String sha256(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
