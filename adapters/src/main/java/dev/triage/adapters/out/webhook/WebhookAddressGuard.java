package dev.triage.adapters.out.webhook;

import dev.triage.application.port.WebhookTargets;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps webhooks from reaching into the service's own network (server-side request forgery): a URL
 * whose host resolves to any loopback, private (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7),
 * link-local (169.254/16, fe80::/10) address is refused, also when written as an IPv4-mapped,
 * IPv4-compatible, NAT64 or 6to4 IPv6 address; multicast and unspecified addresses are never a
 * receiver. {@code triage.webhooks.allow-private} lifts the rule on non-public unicast addresses
 * (tests, receivers inside one's own network). Checked at registration and again before every
 * attempt, since a name may resolve elsewhere later.
 */
@ApplicationScoped
public class WebhookAddressGuard implements WebhookTargets {

  private final Vertx vertx;
  private final boolean allowPrivate;

  public WebhookAddressGuard(
      Vertx vertx,
      @ConfigProperty(name = "triage.webhooks.allow-private", defaultValue = "false")
          boolean allowPrivate) {
    this.vertx = vertx;
    this.allowPrivate = allowPrivate;
  }

  /** Resolves off the event loop (name lookups block) and answers on the caller's context. */
  @Override
  public Uni<Optional<String>> refusal(URI url) {
    return vertx.executeBlocking(() -> check(url.getHost()), false);
  }

  /** Resolves {@code host} and checks every address it has; blocks while resolving. */
  Optional<String> check(String host) {
    return check(host, allowPrivate);
  }

  static Optional<String> check(String host, boolean allowPrivate) {
    if (host == null || host.isEmpty()) {
      return Optional.of("must name a host");
    }
    String name =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(name);
    } catch (UnknownHostException | SecurityException e) {
      return Optional.of("host " + shorten(name) + " could not be resolved");
    }
    for (InetAddress address : addresses) {
      Optional<String> refused = refusal(address, allowPrivate);
      if (refused.isPresent()) {
        return Optional.of("host " + shorten(name) + " " + refused.get());
      }
    }
    return Optional.empty();
  }

  /** Why a request may not go to {@code address}, or empty when it may. */
  static Optional<String> refusal(InetAddress address, boolean allowPrivate) {
    byte[] ipv4 = embeddedIpv4(address);
    if (ipv4 != null) {
      return refusalV4(ipv4, allowPrivate, address.getHostAddress());
    }
    byte[] a = address.getAddress();
    String text = address.getHostAddress();
    if (address.isAnyLocalAddress()) {
      return Optional.of("resolves to the unspecified address " + text);
    }
    if (address.isMulticastAddress()) {
      return Optional.of("resolves to the multicast address " + text);
    }
    if (allowPrivate) {
      return Optional.empty();
    }
    if (address.isLoopbackAddress()) {
      return Optional.of("resolves to the loopback address " + text);
    }
    if ((a[0] & 0xfe) == 0xfc) {
      return Optional.of("resolves to the private address " + text);
    }
    if (address.isLinkLocalAddress()) {
      return Optional.of("resolves to the link-local address " + text);
    }
    if (address.isSiteLocalAddress()) {
      return Optional.of("resolves to the site-local address " + text);
    }
    return Optional.empty();
  }

  private static Optional<String> refusalV4(byte[] a, boolean allowPrivate, String text) {
    int b0 = a[0] & 0xff;
    int b1 = a[1] & 0xff;
    if (b0 == 0) {
      return Optional.of("resolves to the unspecified address " + text);
    }
    if (b0 >= 224 && b0 <= 239) {
      return Optional.of("resolves to the multicast address " + text);
    }
    if (b0 == 255 && b1 == 255 && (a[2] & 0xff) == 255 && (a[3] & 0xff) == 255) {
      return Optional.of("resolves to the broadcast address " + text);
    }
    if (allowPrivate) {
      return Optional.empty();
    }
    if (b0 == 127) {
      return Optional.of("resolves to the loopback address " + text);
    }
    if (b0 == 10
        || (b0 == 172 && b1 >= 16 && b1 <= 31)
        || (b0 == 192 && b1 == 168)
        || (b0 == 100 && b1 >= 64 && b1 <= 127)) {
      return Optional.of("resolves to the private address " + text);
    }
    if (b0 == 169 && b1 == 254) {
      return Optional.of("resolves to the link-local address " + text);
    }
    return Optional.empty();
  }

  /**
   * The IPv4 address {@code address} stands for: itself, or the one an IPv6 address carries
   * (IPv4-mapped ::ffff:0:0/96, IPv4-compatible ::/96, NAT64 64:ff9b::/96, 6to4 2002::/16); null
   * for a plain IPv6 address.
   */
  static byte[] embeddedIpv4(InetAddress address) {
    if (address instanceof Inet4Address) {
      return address.getAddress();
    }
    if (!(address instanceof Inet6Address)) {
      return null;
    }
    byte[] a = address.getAddress();
    if (zero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
      return slice(a, 12);
    }
    if (zero(a, 0, 12) && !(zero(a, 12, 15) && (a[15] == 0 || a[15] == 1))) {
      return slice(a, 12);
    }
    if ((a[0] & 0xff) == 0x00
        && (a[1] & 0xff) == 0x64
        && (a[2] & 0xff) == 0xff
        && (a[3] & 0xff) == 0x9b
        && zero(a, 4, 12)) {
      return slice(a, 12);
    }
    if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
      return slice(a, 2);
    }
    return null;
  }

  private static boolean zero(byte[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] slice(byte[] a, int from) {
    return new byte[] {a[from], a[from + 1], a[from + 2], a[from + 3]};
  }

  private static String shorten(String host) {
    return host.length() > 100 ? host.substring(0, 100) + "..." : host;
  }
}
