package dev.triage.adapters.in.rest.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.adapters.in.rest.ProblemDetail;
import dev.triage.application.port.RateDecision;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The 429 answer and the IETF rate-limit fields, byte for byte. */
class RateLimitResponsesTest {

  private static RateDecision refused(Duration retryAfter) {
    return new RateDecision(false, 10, 0, Duration.ofMinutes(10), retryAfter, "login-ip");
  }

  @Test
  void a_refusal_is_a_429_problem_with_retry_after_and_both_fields() {
    Response response =
        RateLimitResponses.tooMany(refused(Duration.ofMillis(36_200)), "/api/v1/auth/login");

    assertThat(response.getStatus()).isEqualTo(429);
    assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("37");
    assertThat(response.getHeaderString("RateLimit-Policy")).isEqualTo("\"login-ip\";q=10;w=600");
    assertThat(response.getHeaderString("RateLimit")).isEqualTo("\"login-ip\";r=0;t=37");
    ProblemDetail body = (ProblemDetail) response.getEntity();
    assertThat(body.code()).isEqualTo("RATE_LIMITED");
    assertThat(body.status()).isEqualTo(429);
    assertThat(body.instance()).isEqualTo("/api/v1/auth/login");
  }

  @Test
  void retry_after_is_whole_seconds_and_never_zero() {
    assertThat(RateLimitResponses.retryAfterSeconds(refused(Duration.ZERO))).isEqualTo(1);
    assertThat(RateLimitResponses.retryAfterSeconds(refused(Duration.ofMillis(1)))).isEqualTo(1);
    assertThat(RateLimitResponses.retryAfterSeconds(refused(Duration.ofSeconds(60)))).isEqualTo(60);
    assertThat(RateLimitResponses.retryAfterSeconds(refused(Duration.ofMillis(60_001))))
        .isEqualTo(61);
  }

  @Test
  void an_allowed_request_reports_the_time_until_the_quota_is_whole_again() {
    RateDecision fresh =
        new RateDecision(true, 600, 599, Duration.ofMinutes(1), Duration.ZERO, "api");
    RateDecision half = new RateDecision(true, 10, 5, Duration.ofMinutes(10), Duration.ZERO, "x");
    assertThat(RateLimitResponses.rateLimit(fresh)).isEqualTo("\"api\";r=599;t=1");
    assertThat(RateLimitResponses.rateLimit(half)).isEqualTo("\"x\";r=5;t=300");
    assertThat(RateLimitResponses.policy(fresh)).isEqualTo("\"api\";q=600;w=60");
  }

  @Test
  void headers_already_set_by_a_more_specific_limit_are_kept() {
    MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
    headers.putSingle("RateLimit", "\"login-account\";r=0;t=120");
    RateLimitResponses.addHeaders(refused(Duration.ofSeconds(5)), headers);
    assertThat(headers.getFirst("RateLimit")).isEqualTo("\"login-account\";r=0;t=120");
    assertThat(headers).doesNotContainKey("RateLimit-Policy");

    MultivaluedMap<String, Object> empty = new MultivaluedHashMap<>();
    RateLimitResponses.addHeaders(refused(Duration.ofSeconds(5)), empty);
    assertThat(empty.getFirst("RateLimit-Policy")).isEqualTo("\"login-ip\";q=10;w=600");
    assertThat(empty.getFirst("RateLimit")).isEqualTo("\"login-ip\";r=0;t=5");
  }
}
