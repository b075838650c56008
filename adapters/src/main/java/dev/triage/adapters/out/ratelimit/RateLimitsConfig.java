package dev.triage.adapters.out.ratelimit;

import dev.triage.application.port.RateLimit;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The sizes of the rate limits ({@code triage.rate-limits.*}); the defaults are the ones {@link
 * RateLimit} names, e.g. {@code triage.rate-limits.create-ticket-per-user.limit=30} and {@code
 * ...window=PT1H}.
 */
@ConfigMapping(prefix = "triage.rate-limits")
public interface RateLimitsConfig {

  /** Off: every request is allowed and nothing is counted. */
  @WithDefault("true")
  boolean enabled();

  /**
   * Multiplies every limit by 1000. When unset it is on in Quarkus' test launch mode only, so
   * suites that call the API many times from one address are not throttled; a test of the limits
   * themselves sets it to {@code false}.
   */
  Optional<Boolean> relaxed();

  /** How long a call to the shared store may take before the request fails. */
  @WithDefault("PT3S")
  Duration storeTimeout();

  LoginPerIp loginPerIp();

  LoginPerAccountAndIp loginPerAccountAndIp();

  LoginPerAccount loginPerAccount();

  RegisterPerIp registerPerIp();

  CreateTicketPerUser createTicketPerUser();

  ApiPerCaller apiPerCaller();

  PasswordResetPerIp passwordResetPerIp();

  PasswordResetPerAddress passwordResetPerAddress();

  /** {@link RateLimit#LOGIN_PER_IP}. */
  interface LoginPerIp {
    @WithDefault("10")
    long limit();

    @WithDefault("PT10M")
    Duration window();
  }

  /** {@link RateLimit#LOGIN_PER_ACCOUNT_AND_IP}. */
  interface LoginPerAccountAndIp {
    @WithDefault("5")
    long limit();

    @WithDefault("PT10M")
    Duration window();
  }

  /** {@link RateLimit#LOGIN_PER_ACCOUNT}. */
  interface LoginPerAccount {
    @WithDefault("20")
    long limit();

    @WithDefault("PT10M")
    Duration window();
  }

  /** {@link RateLimit#REGISTER_PER_IP}. */
  interface RegisterPerIp {
    @WithDefault("5")
    long limit();

    @WithDefault("PT1H")
    Duration window();
  }

  /** {@link RateLimit#CREATE_TICKET_PER_USER}. */
  interface CreateTicketPerUser {
    @WithDefault("30")
    long limit();

    @WithDefault("PT1H")
    Duration window();
  }

  /** {@link RateLimit#API_PER_CALLER}. */
  interface ApiPerCaller {
    @WithDefault("600")
    long limit();

    @WithDefault("PT1M")
    Duration window();
  }

  /** {@link RateLimit#PASSWORD_RESET_PER_IP}. */
  interface PasswordResetPerIp {
    @WithDefault("10")
    long limit();

    @WithDefault("PT1H")
    Duration window();
  }

  /** {@link RateLimit#PASSWORD_RESET_PER_ADDRESS}. */
  interface PasswordResetPerAddress {
    @WithDefault("3")
    long limit();

    @WithDefault("PT1H")
    Duration window();
  }
}
