package dev.triage.adapters.out.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.application.port.RateDecision;
import dev.triage.application.port.RateLimit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The in-memory limits and the configuration, without a database; the shared ones run in IT. */
class BucketRateLimitsTest {

  private final RateLimitClock clock = new RateLimitClock();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private static RateLimitsConfig config(Map<String, String> properties) {
    Map<String, String> all = new HashMap<>(properties);
    all.putIfAbsent("triage.rate-limits.relaxed", "false");
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withMapping(RateLimitsConfig.class)
            .withSources(new PropertiesConfigSource(all, "test", 500))
            .build();
    return config.getConfigMapping(RateLimitsConfig.class);
  }

  /** A database that is never there: local limits must not need it. */
  private static DataSource unreachable() {
    return (DataSource)
        Proxy.newProxyInstance(
            BucketRateLimitsTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              throw new SQLException("Connection refused");
            });
  }

  private BucketRateLimits limits(Map<String, String> properties) {
    return new BucketRateLimits(unreachable(), config(properties), clock, meters);
  }

  private static RateDecision consume(BucketRateLimits limits, RateLimit limit, String key) {
    return limits.consume(limit, key).await().atMost(Duration.ofSeconds(5));
  }

  @Test
  void the_configured_defaults_are_the_sizes_the_port_names() {
    RateLimitsConfig defaults = config(Map.of());
    assertThat(defaults.enabled()).isTrue();
    assertThat(defaults.loginPerIp().limit()).isEqualTo(RateLimit.LOGIN_PER_IP.defaultLimit());
    assertThat(defaults.loginPerIp().window()).isEqualTo(RateLimit.LOGIN_PER_IP.defaultWindow());
    assertThat(defaults.loginPerAccountAndIp().limit())
        .isEqualTo(RateLimit.LOGIN_PER_ACCOUNT_AND_IP.defaultLimit());
    assertThat(defaults.loginPerAccountAndIp().window())
        .isEqualTo(RateLimit.LOGIN_PER_ACCOUNT_AND_IP.defaultWindow());
    assertThat(defaults.loginPerAccount().limit())
        .isEqualTo(RateLimit.LOGIN_PER_ACCOUNT.defaultLimit());
    assertThat(defaults.loginPerAccount().window())
        .isEqualTo(RateLimit.LOGIN_PER_ACCOUNT.defaultWindow());
    assertThat(defaults.registerPerIp().limit())
        .isEqualTo(RateLimit.REGISTER_PER_IP.defaultLimit());
    assertThat(defaults.registerPerIp().window())
        .isEqualTo(RateLimit.REGISTER_PER_IP.defaultWindow());
    assertThat(defaults.createTicketPerUser().limit())
        .isEqualTo(RateLimit.CREATE_TICKET_PER_USER.defaultLimit());
    assertThat(defaults.createTicketPerUser().window())
        .isEqualTo(RateLimit.CREATE_TICKET_PER_USER.defaultWindow());
    assertThat(defaults.apiPerCaller().limit()).isEqualTo(RateLimit.API_PER_CALLER.defaultLimit());
    assertThat(defaults.apiPerCaller().window())
        .isEqualTo(RateLimit.API_PER_CALLER.defaultWindow());
    assertThat(defaults.passwordResetPerIp().limit())
        .isEqualTo(RateLimit.PASSWORD_RESET_PER_IP.defaultLimit());
    assertThat(defaults.passwordResetPerAddress().limit())
        .isEqualTo(RateLimit.PASSWORD_RESET_PER_ADDRESS.defaultLimit());
  }

  @Test
  void the_request_after_the_limit_is_refused_until_the_clock_refills_the_bucket() {
    BucketRateLimits limits = limits(Map.of());
    for (int i = 1; i <= 30; i++) {
      RateDecision allowed = consume(limits, RateLimit.CREATE_TICKET_PER_USER, "user:ana");
      assertThat(allowed.allowed()).as("request %d", i).isTrue();
      assertThat(allowed.remaining()).isEqualTo(30 - i);
      assertThat(allowed.retryAfter()).isZero();
    }
    RateDecision refused = consume(limits, RateLimit.CREATE_TICKET_PER_USER, "user:ana");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.remaining()).isZero();
    assertThat(refused.limit()).isEqualTo(30);
    assertThat(refused.window()).isEqualTo(Duration.ofHours(1));
    assertThat(refused.policyName()).isEqualTo("create-ticket");
    // One ticket comes back every 2 minutes (30 per hour, refilled continuously).
    assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(119), Duration.ofSeconds(120));

    assertThat(consume(limits, RateLimit.CREATE_TICKET_PER_USER, "user:bob").allowed())
        .as("another user has a bucket of their own")
        .isTrue();

    clock.advance(Duration.ofMinutes(2));
    assertThat(consume(limits, RateLimit.CREATE_TICKET_PER_USER, "user:ana").allowed()).isTrue();
    assertThat(consume(limits, RateLimit.CREATE_TICKET_PER_USER, "user:ana").allowed()).isFalse();

    clock.advance(Duration.ofHours(1));
    RateDecision whole = consume(limits, RateLimit.CREATE_TICKET_PER_USER, "user:ana");
    assertThat(whole.allowed()).isTrue();
    assertThat(whole.remaining()).isEqualTo(29);
  }

  @Test
  void a_peek_takes_nothing_and_a_request_given_back_can_be_made_again() {
    BucketRateLimits limits = limits(Map.of("triage.rate-limits.api-per-caller.limit", "2"));
    String key = "ip:198.51.100.9";
    assertThat(limits.peek(RateLimit.API_PER_CALLER, key).await().indefinitely().remaining())
        .isEqualTo(2);
    consume(limits, RateLimit.API_PER_CALLER, key);
    consume(limits, RateLimit.API_PER_CALLER, key);
    RateDecision spent = limits.peek(RateLimit.API_PER_CALLER, key).await().indefinitely();
    assertThat(spent.allowed()).isFalse();
    assertThat(spent.retryAfter()).isPositive();

    limits.giveBack(RateLimit.API_PER_CALLER, key).await().indefinitely();
    assertThat(consume(limits, RateLimit.API_PER_CALLER, key).allowed()).isTrue();
    assertThat(consume(limits, RateLimit.API_PER_CALLER, key).allowed()).isFalse();
    // Never above the bucket's size.
    limits.giveBack(RateLimit.API_PER_CALLER, "ip:198.51.100.10").await().indefinitely();
    assertThat(consume(limits, RateLimit.API_PER_CALLER, "ip:198.51.100.10").remaining())
        .isEqualTo(1);
  }

  @Test
  void refusals_are_counted_per_limit() {
    BucketRateLimits limits = limits(Map.of("triage.rate-limits.api-per-caller.limit", "2"));
    for (int i = 0; i < 5; i++) {
      consume(limits, RateLimit.API_PER_CALLER, "ip:198.51.100.7");
    }
    assertThat(meters.get("triage.rate.limited").tag("limit", "api_per_caller").counter().count())
        .isEqualTo(3);
    assertThat(
            meters
                .get("triage.rate.limited")
                .tag("limit", "create_ticket_per_user")
                .counter()
                .count())
        .isZero();
  }

  @Test
  void sizes_come_from_the_configuration() {
    BucketRateLimits limits =
        limits(
            Map.of(
                "triage.rate-limits.create-ticket-per-user.limit", "3",
                "triage.rate-limits.create-ticket-per-user.window", "PT6M"));
    RateDecision first = consume(limits, RateLimit.CREATE_TICKET_PER_USER, "user:ana");
    assertThat(first.limit()).isEqualTo(3);
    assertThat(first.window()).isEqualTo(Duration.ofMinutes(6));
    consume(limits, RateLimit.CREATE_TICKET_PER_USER, "user:ana");
    consume(limits, RateLimit.CREATE_TICKET_PER_USER, "user:ana");
    assertThat(consume(limits, RateLimit.CREATE_TICKET_PER_USER, "user:ana").retryAfter())
        .isBetween(Duration.ofSeconds(119), Duration.ofSeconds(120));
  }

  @Test
  void relaxed_limits_are_a_thousand_times_larger() {
    BucketRateLimits limits = limits(Map.of("triage.rate-limits.relaxed", "true"));
    assertThat(consume(limits, RateLimit.CREATE_TICKET_PER_USER, "user:ana").limit())
        .isEqualTo(30_000);
  }

  @Test
  void when_disabled_everything_is_allowed_and_nothing_touches_the_database() {
    BucketRateLimits limits = limits(Map.of("triage.rate-limits.enabled", "false"));
    for (int i = 0; i < 20; i++) {
      assertThat(consume(limits, RateLimit.LOGIN_PER_IP, "198.51.100.7").allowed()).isTrue();
    }
  }

  @Test
  void a_global_limit_fails_rather_than_allows_when_its_store_is_unreachable() {
    BucketRateLimits limits = limits(Map.of());
    assertThatThrownBy(() -> consume(limits, RateLimit.LOGIN_PER_IP, "198.51.100.7"))
        .hasRootCauseInstanceOf(SQLException.class);
  }

  @Test
  void the_clock_only_moves_forward() {
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
