package dev.triage.adapters.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address a request is counted under, with and without trusted proxies. */
class ClientAddressesTest {

  private static final ClientAddresses NO_PROXIES = new ClientAddresses(List.of());
  private static final ClientAddresses BEHIND_PROXIES =
      new ClientAddresses(List.of("10.0.0.0/8", "192.0.2.10", "fd00::/8"));

  @Test
  void without_trusted_proxies_the_peer_is_the_client_and_the_header_is_ignored() {
    assertThat(NO_PROXIES.resolve("198.51.100.7", List.of("203.0.113.1")))
        .isEqualTo("198.51.100.7");
    assertThat(NO_PROXIES.resolve("10.0.0.5", List.of("203.0.113.1"))).isEqualTo("10.0.0.5");
  }

  @Test
  void a_spoofed_header_from_an_untrusted_peer_is_ignored() {
    assertThat(BEHIND_PROXIES.resolve("198.51.100.7", List.of("203.0.113.1, 10.0.0.3")))
        .isEqualTo("198.51.100.7");
  }

  @Test
  void behind_a_trusted_proxy_the_right_most_untrusted_address_is_the_client() {
    // The client wrote 203.0.113.1 itself; the trusted proxy appended what it saw, 198.51.100.7.
    assertThat(BEHIND_PROXIES.resolve("10.0.0.5", List.of("203.0.113.1, 198.51.100.7")))
        .isEqualTo("198.51.100.7");
  }

  @Test
  void a_chain_of_trusted_proxies_is_walked_from_the_right() {
    assertThat(
            BEHIND_PROXIES.resolve(
                "10.0.0.5", List.of("203.0.113.1, 198.51.100.7, 192.0.2.10, 10.1.2.3")))
        .isEqualTo("198.51.100.7");
  }

  @Test
  void several_header_lines_are_read_as_one_list_in_order() {
    assertThat(BEHIND_PROXIES.resolve("10.0.0.5", List.of("203.0.113.1", "198.51.100.7")))
        .isEqualTo("198.51.100.7");
  }

  @Test
  void when_every_hop_is_a_trusted_proxy_the_furthest_one_is_the_client() {
    assertThat(BEHIND_PROXIES.resolve("10.0.0.5", List.of("10.9.9.9, 192.0.2.10")))
        .isEqualTo("10.9.9.9");
  }

  @Test
  void a_trusted_peer_without_the_header_is_itself_the_client() {
    assertThat(BEHIND_PROXIES.resolve("10.0.0.5", List.of())).isEqualTo("10.0.0.5");
  }

  @Test
  void an_entry_that_is_not_an_address_stops_at_the_nearest_trusted_hop() {
    assertThat(BEHIND_PROXIES.resolve("10.0.0.5", List.of("unknown, 10.0.0.7")))
        .isEqualTo("10.0.0.7");
    assertThat(BEHIND_PROXIES.resolve("10.0.0.5", List.of("evil.example.com")))
        .isEqualTo("10.0.0.5");
    assertThat(BEHIND_PROXIES.resolve("10.0.0.5", List.of("300.1.1.1"))).isEqualTo("10.0.0.5");
  }

  @Test
  void ports_brackets_and_ipv6_are_understood_and_normalised() {
    assertThat(BEHIND_PROXIES.resolve("10.0.0.5", List.of("198.51.100.7:4711")))
        .isEqualTo("198.51.100.7");
    assertThat(BEHIND_PROXIES.resolve("10.0.0.5", List.of("[2001:db8::1]:443")))
        .isEqualTo("2001:db8:0:0:0:0:0:1");
    assertThat(BEHIND_PROXIES.resolve("fd12::1", List.of("2001:DB8::2")))
        .isEqualTo("2001:db8:0:0:0:0:0:2");
  }

  @Test
  void an_exact_address_trusts_only_itself() {
    assertThat(BEHIND_PROXIES.resolve("192.0.2.10", List.of("198.51.100.7")))
        .isEqualTo("198.51.100.7");
    assertThat(BEHIND_PROXIES.resolve("192.0.2.11", List.of("198.51.100.7")))
        .isEqualTo("192.0.2.11");
  }

  @Test
  void cidr_ranges_match_on_their_prefix_bits() {
    ClientAddresses narrow = new ClientAddresses(List.of("172.16.0.0/12"));
    assertThat(narrow.resolve("172.31.255.1", List.of("198.51.100.7"))).isEqualTo("198.51.100.7");
    assertThat(narrow.resolve("172.32.0.1", List.of("198.51.100.7"))).isEqualTo("172.32.0.1");
  }

  @Test
  void a_configuration_that_is_not_an_address_is_refused_without_a_dns_lookup() {
    assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/x")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reads_the_peer_and_every_header_line_of_a_vertx_request() {
    MultiMap headers =
        MultiMap.caseInsensitiveMultiMap()
            .add("x-forwarded-for", "203.0.113.1")
            .add("X-Forwarded-For", "198.51.100.7");
    assertThat(BEHIND_PROXIES.of(request("10.0.0.5", headers))).isEqualTo("198.51.100.7");
    assertThat(NO_PROXIES.of(request("10.0.0.5", headers))).isEqualTo("10.0.0.5");
  }

  private static HttpServerRequest request(String peer, MultiMap headers) {
    return (HttpServerRequest)
        Proxy.newProxyInstance(
            ClientAddressesTest.class.getClassLoader(),
            new Class<?>[] {HttpServerRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "remoteAddress" ->
                      SocketAddress.inetSocketAddress(
                          new InetSocketAddress(InetAddress.getByName(peer), 40000));
                  case "headers" -> headers;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
