package dev.triage.adapters.in.rest.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the filter reads paths and addresses before choosing a limit. */
class RateLimitFilterTest {

  @Test
  void every_spelling_of_a_path_that_routes_to_login_counts_as_login() {
    for (String spelling :
        new String[] {
          "/api/v1/auth/login",
          "/api/v1/auth/login/",
          "/api//v1/auth/login",
          "/api/v1/./auth/login",
          "/api/v1/tickets/../auth/login",
          "/api/v1/auth/login;jsessionid=1",
          "/api/v1;x=y/auth/login"
        }) {
      assertThat(RateLimitFilter.canonical(spelling)).as(spelling).isEqualTo("/api/v1/auth/login");
    }
    assertThat(RateLimitFilter.canonical("/")).isEqualTo("/");
    assertThat(RateLimitFilter.canonical("/../..")).isEqualTo("/");
  }

  @Test
  void ipv6_clients_are_counted_by_their_64_bit_network() {
    assertThat(RateLimitFilter.addressKey("2001:db8:1:2:aaaa:0:0:1"))
        .isEqualTo("2001:db8:1:2::/64")
        .isEqualTo(RateLimitFilter.addressKey("2001:db8:1:2:bbbb:0:0:7"));
    assertThat(RateLimitFilter.addressKey("198.51.100.7")).isEqualTo("198.51.100.7");
  }
}
