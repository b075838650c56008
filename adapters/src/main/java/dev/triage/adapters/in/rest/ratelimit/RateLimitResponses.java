package dev.triage.adapters.in.rest.ratelimit;

import dev.triage.adapters.in.rest.Problems;
import dev.triage.application.port.RateDecision;
import dev.triage.domain.shared.ErrorCode;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * Turns a {@link RateDecision} into HTTP: the 429 problem for a refusal, and the {@code
 * RateLimit-Policy} / {@code RateLimit} fields of the IETF httpapi-ratelimit-headers draft, e.g.
 * {@code RateLimit-Policy: "login-ip";q=10;w=600} and {@code RateLimit: "login-ip";r=0;t=60}.
 *
 * <p>{@code t} is the number of seconds until the quota is available again: when refused, until the
 * next request will be accepted (the same as {@code Retry-After}); when allowed, until the quota is
 * whole again (the buckets refill continuously, {@code q} units per {@code w} seconds).
 */
public final class RateLimitResponses {

  public static final String POLICY = "RateLimit-Policy";
  public static final String RATE_LIMIT = "RateLimit";
  public static final String RETRY_AFTER = "Retry-After";

  private RateLimitResponses() {}

  /**
   * The 429 answer to a refused request: problem+json with code {@code RATE_LIMITED}, {@code
   * Retry-After} in whole seconds (at least 1), {@code RateLimit-Policy} and {@code RateLimit}.
   *
   * @param instance the request path, as for every problem
   */
  public static Response tooMany(RateDecision decision, String instance) {
    long retryAfter = retryAfterSeconds(decision);
    Response problem =
        Problems.of(
            ErrorCode.RATE_LIMITED, "Too many requests; retry in " + retryAfter + " s.", instance);
    return Response.fromResponse(problem)
        .header(RETRY_AFTER, Long.toString(retryAfter))
        .header(POLICY, policy(decision))
        .header(RATE_LIMIT, rateLimit(decision))
        .build();
  }

  /**
   * Adds {@code RateLimit-Policy} and {@code RateLimit} for {@code decision} unless the response
   * already carries them (a more specific limit was reported first).
   */
  public static void addHeaders(RateDecision decision, MultivaluedMap<String, Object> headers) {
    if (headers.containsKey(RATE_LIMIT) || headers.containsKey(POLICY)) {
      return;
    }
    headers.putSingle(POLICY, policy(decision));
    headers.putSingle(RATE_LIMIT, rateLimit(decision));
  }

  /** {@code "name";q=<limit>;w=<window seconds>}. */
  public static String policy(RateDecision decision) {
    return quoted(decision.policyName())
        + ";q="
        + decision.limit()
        + ";w="
        + Math.max(1, decision.window().toSeconds());
  }

  /** {@code "name";r=<remaining>;t=<seconds until available>}. */
  public static String rateLimit(RateDecision decision) {
    return quoted(decision.policyName())
        + ";r="
        + decision.remaining()
        + ";t="
        + resetSeconds(decision);
  }

  /** Whole seconds to wait before retrying, rounded up and at least 1. */
  public static long retryAfterSeconds(RateDecision decision) {
    return Math.max(1, ceilSeconds(decision.retryAfter().toMillis()));
  }

  static long resetSeconds(RateDecision decision) {
    if (!decision.allowed()) {
      return retryAfterSeconds(decision);
    }
    long used = Math.max(0, decision.limit() - decision.remaining());
    double millis = (double) used * decision.window().toMillis() / decision.limit();
    return ceilSeconds((long) Math.ceil(millis));
  }

  private static long ceilSeconds(long millis) {
    return Math.floorDiv(millis + 999, 1000);
  }

  /** A structured-field string: the policy names are plain ASCII, escaping is for safety only. */
  private static String quoted(String name) {
    return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
