package dev.triage.application.port;

import java.time.Duration;

/**
 * The answer to one request against a {@link RateLimit}: whether it may proceed, and what a client
 * needs to pace itself (the {@code RateLimit} and {@code RateLimit-Policy} headers, {@code
 * Retry-After}).
 *
 * @param allowed whether the request was counted and may proceed
 * @param limit requests allowed per window
 * @param remaining requests still allowed right now, after this one
 * @param window the length of the window the limit counts over
 * @param retryAfter when refused, how long until one more request will be accepted; zero when
 *     allowed
 * @param policyName the limit's name for clients, e.g. {@code login-ip}
 */
public record RateDecision(
    boolean allowed,
    long limit,
    long remaining,
    Duration window,
    Duration retryAfter,
    String policyName) {

  public RateDecision {
    if (limit < 1 || remaining < 0 || window == null || window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("limit, remaining or window out of range");
    }
    if (retryAfter == null || retryAfter.isNegative() || policyName == null) {
      throw new IllegalArgumentException("retryAfter and policyName are required");
    }
  }
}
