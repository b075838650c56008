package dev.triage.application.port;

import java.time.Duration;

/**
 * The rate limits Triage enforces, with the sizes the service starts from. Every limit is a token
 * bucket that refills continuously: {@code limit} requests per {@code window}, one request back
 * every {@code window / limit}. Adapters may be configured to other sizes.
 */
public enum RateLimit {
  /** Login attempts from one client address: brute force across accounts. */
  LOGIN_PER_IP("login-ip", 10, Duration.ofMinutes(10), true),
  /**
   * Failed logins to one account (by email) from one client address: strict, since only that
   * address is refused once it is spent. Correct passwords give their attempt back.
   */
  LOGIN_PER_ACCOUNT_AND_IP("login-account-ip", 5, Duration.ofMinutes(10), true),
  /**
   * Failed logins to one account from anywhere: loose, and once spent it refuses only the addresses
   * that have failed against the account, so strangers cannot lock its owner out.
   */
  LOGIN_PER_ACCOUNT("login-account", 20, Duration.ofMinutes(10), true),
  /** Registrations from one client address. */
  REGISTER_PER_IP("register-ip", 5, Duration.ofHours(1), true),
  /** Tickets opened by one user (or one address when anonymous). */
  CREATE_TICKET_PER_USER("create-ticket", 30, Duration.ofHours(1), false),
  /** Every other API request by one caller (user, or address when anonymous). */
  API_PER_CALLER("api", 600, Duration.ofMinutes(1), false),
  /** Password reset requests and confirmations from one client address. */
  PASSWORD_RESET_PER_IP("password-reset-ip", 10, Duration.ofHours(1), true),
  /** Password reset requests for one address, known or not: bounds mail sent to one person. */
  PASSWORD_RESET_PER_ADDRESS("password-reset-address", 3, Duration.ofHours(1), true);

  private final String policyName;
  private final long defaultLimit;
  private final Duration defaultWindow;
  private final boolean global;

  RateLimit(String policyName, long defaultLimit, Duration defaultWindow, boolean global) {
    this.policyName = policyName;
    this.defaultLimit = defaultLimit;
    this.defaultWindow = defaultWindow;
    this.global = global;
  }

  /** The name clients see in the {@code RateLimit-Policy} and {@code RateLimit} headers. */
  public String policyName() {
    return policyName;
  }

  /** Requests allowed per window unless configured otherwise. */
  public long defaultLimit() {
    return defaultLimit;
  }

  public Duration defaultWindow() {
    return defaultWindow;
  }

  /**
   * True when the limit must hold across all replicas (it guards accounts, so a second replica must
   * not double an attacker's budget); false when a per-replica count is good enough.
   */
  public boolean global() {
    return global;
  }
}
