package dev.triage.adapters.out.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which addresses a webhook may be sent to, with and without {@code allow-private}. */
class WebhookAddressGuardTest {

  static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  /** An IPv6 address from its 32 hex digits, kept as IPv6 (the JDK turns some into IPv4). */
  static InetAddress v6(String hex) {
    try {
      return Inet6Address.getByAddress(null, HexFormat.of().parseHex(hex), null);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(hex, e);
    }
  }

  static Optional<String> strict(InetAddress address) {
    return WebhookAddressGuard.refusal(address, false);
  }

  static Optional<String> lenient(InetAddress address) {
    return WebhookAddressGuard.refusal(address, true);
  }

  static final List<String> PRIVATE_V4 =
      List.of(
          "10.0.0.1",
          "10.255.255.254",
          "172.16.0.1",
          "172.31.255.254",
          "192.168.0.1",
          "192.168.255.254",
          "100.64.0.1",
          "100.127.255.254");

  @Test
  void loopback_addresses_are_refused() {
    assertThat(strict(ip("127.0.0.1"))).hasValueSatisfying(r -> assertThat(r).contains("loopback"));
    assertThat(strict(ip("127.8.9.10")))
        .hasValueSatisfying(r -> assertThat(r).contains("loopback"));
    assertThat(strict(ip("::1"))).hasValueSatisfying(r -> assertThat(r).contains("loopback"));
  }

  @Test
  void every_private_ipv4_range_is_refused_from_its_first_to_its_last_address() {
    for (String address : PRIVATE_V4) {
      assertThat(strict(ip(address)))
          .as(address)
          .hasValueSatisfying(r -> assertThat(r).contains("private"));
    }
  }

  @Test
  void the_neighbours_of_the_private_ranges_are_public() {
    for (String address :
        List.of(
            "9.255.255.255",
            "11.0.0.0",
            "172.15.255.255",
            "172.32.0.0",
            "192.167.255.255",
            "192.169.0.0",
            "100.63.255.255",
            "100.128.0.0",
            "169.253.255.255",
            "126.255.255.255",
            "128.0.0.0")) {
      assertThat(strict(ip(address))).as(address).isEmpty();
    }
  }

  @Test
  void unique_local_ipv6_addresses_are_refused() {
    assertThat(strict(ip("fc00::1"))).hasValueSatisfying(r -> assertThat(r).contains("private"));
    assertThat(strict(ip("fd12:3456:789a::1")))
        .hasValueSatisfying(r -> assertThat(r).contains("private"));
  }

  @Test
  void link_local_addresses_are_refused() {
    assertThat(strict(ip("169.254.169.254")))
        .hasValueSatisfying(r -> assertThat(r).contains("link-local"));
    assertThat(strict(ip("169.254.0.1"))).isPresent();
    assertThat(strict(ip("fe80::1"))).hasValueSatisfying(r -> assertThat(r).contains("link-local"));
    assertThat(strict(ip("febf::1"))).isPresent();
  }

  @Test
  void unspecified_broadcast_and_multicast_addresses_are_refused() {
    assertThat(strict(ip("0.0.0.0"))).isPresent();
    assertThat(strict(ip("0.1.2.3"))).isPresent();
    assertThat(strict(ip("::"))).isPresent();
    assertThat(strict(ip("255.255.255.255"))).isPresent();
    assertThat(strict(ip("224.0.0.1"))).isPresent();
    assertThat(strict(ip("239.255.255.250"))).isPresent();
    assertThat(strict(ip("ff02::1"))).isPresent();
  }

  @Test
  void private_ipv4_addresses_written_as_ipv6_are_refused() {
    // ::ffff:127.0.0.1 and ::ffff:10.0.0.1 (IPv4-mapped), kept as IPv6 objects.
    assertThat(strict(v6("00000000000000000000ffff7f000001")))
        .hasValueSatisfying(r -> assertThat(r).contains("loopback"));
    assertThat(strict(v6("00000000000000000000ffff0a000001")))
        .hasValueSatisfying(r -> assertThat(r).contains("private"));
    assertThat(strict(v6("00000000000000000000ffffa9fea9fe")))
        .hasValueSatisfying(r -> assertThat(r).contains("link-local"));
    // As the JDK parses the text form (it hands back the IPv4 address).
    assertThat(strict(ip("::ffff:192.168.1.1"))).isPresent();
    // IPv4-compatible ::10.0.0.1, NAT64 64:ff9b::10.0.0.1, 6to4 2002:0a00:0001::
    assertThat(strict(v6("0000000000000000000000000a000001"))).isPresent();
    assertThat(strict(v6("0064ff9b00000000000000000a000001"))).isPresent();
    assertThat(strict(v6("20020a00000100000000000000000000"))).isPresent();
  }

  @Test
  void public_addresses_are_allowed() {
    assertThat(strict(ip("93.184.215.14"))).isEmpty();
    assertThat(strict(ip("8.8.8.8"))).isEmpty();
    assertThat(strict(ip("2606:4700:4700::1111"))).isEmpty();
    // A public IPv4 address mapped into IPv6.
    assertThat(strict(v6("00000000000000000000ffff08080808"))).isEmpty();
  }

  @Test
  void special_purpose_ranges_are_refused_from_their_first_to_their_last_address() {
    for (String address :
        List.of(
            "192.0.0.0",
            "192.0.0.255",
            "198.18.0.0",
            "198.19.255.255",
            "240.0.0.1",
            "255.255.255.254",
            "168.63.129.16")) {
      assertThat(strict(ip(address))).as(address).isPresent();
    }
    // NAT64 (64:ff9b::/96) leads wherever the translator sends it: refused whatever it carries.
    assertThat(strict(v6("0064ff9b000000000000000008080808"))).isPresent();
    assertThat(strict(v6("0064ff9b00000000000000005db8d70e"))).isPresent();
    // Reserved addresses are no receiver even where private ones are allowed.
    assertThat(lenient(ip("240.0.0.1"))).isPresent();
  }

  @Test
  void the_neighbours_of_the_special_purpose_ranges_are_public() {
    for (String address :
        List.of(
            "191.255.255.255",
            "192.0.1.0",
            "198.17.255.255",
            "198.20.0.0",
            "223.255.255.255",
            "168.63.129.15",
            "168.63.129.17")) {
      assertThat(strict(ip(address))).as(address).isEmpty();
    }
  }

  @Test
  void with_allow_private_the_private_loopback_and_link_local_addresses_pass() {
    for (String address : PRIVATE_V4) {
      assertThat(lenient(ip(address))).as(address).isEmpty();
    }
    assertThat(lenient(ip("127.0.0.1"))).isEmpty();
    assertThat(lenient(ip("::1"))).isEmpty();
    assertThat(lenient(ip("fd00::1"))).isEmpty();
    assertThat(lenient(ip("169.254.169.254"))).isEmpty();
    assertThat(lenient(ip("fe80::1"))).isEmpty();
    assertThat(lenient(v6("00000000000000000000ffff0a000001"))).isEmpty();
    assertThat(lenient(ip("8.8.8.8"))).isEmpty();
  }

  @Test
  void with_allow_private_multicast_and_unspecified_addresses_are_still_refused() {
    assertThat(lenient(ip("0.0.0.0"))).isPresent();
    assertThat(lenient(ip("::"))).isPresent();
    assertThat(lenient(ip("224.0.0.1"))).isPresent();
    assertThat(lenient(ip("ff02::1"))).isPresent();
  }

  @Test
  void a_host_is_refused_when_any_of_its_addresses_is_and_literals_need_no_lookup() {
    assertThat(WebhookAddressGuard.check("127.0.0.1", false))
        .hasValueSatisfying(r -> assertThat(r).contains("127.0.0.1").contains("loopback"));
    assertThat(WebhookAddressGuard.check("[::1]", false)).isPresent();
    assertThat(WebhookAddressGuard.check("[::ffff:10.1.2.3]", false)).isPresent();
    assertThat(WebhookAddressGuard.check("8.8.8.8", false)).isEmpty();
    assertThat(WebhookAddressGuard.check("127.0.0.1", true)).isEmpty();
    assertThat(WebhookAddressGuard.check("", false)).isPresent();
  }

  @Test
  void localhost_by_name_is_refused() {
    assertThat(WebhookAddressGuard.check("localhost", false))
        .hasValueSatisfying(r -> assertThat(r).contains("loopback"));
  }
}
