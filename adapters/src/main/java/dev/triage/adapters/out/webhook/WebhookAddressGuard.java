package dev.triage.adapters.out.webhook;

import dev.triage.application.port.WebhookTargets;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * link-local (169.254/16, fe80::/10), special-purpose (192.0.0/24, 198.18/15, NAT64 64:ff9b::/96)
 * or cloud platform (168.63.129.16) address is refused, also when written as an IPv4-mapped,
 * IPv4-compatible or 6to4 IPv6 address; multicast, reserved (240/4, broadcast) and unspecified
 * addresses are never a receiver. {@code triage.webhooks.allow-private} lifts the rule on
 * non-public unicast addresses (tests, receivers inside one's own network). Checked at registration
 * and again before every attempt, since a name may resolve elsewhere later; the attempt then
 * connects to the very address checked ({@link #target}), never resolving again.
 */
@ApplicationScoped
public class WebhookAddressGuard implements WebhookTargets {

  /** Where an attempt may go: the address checked, or why it may not go anywhere. */
  record Target(Optional<InetAddress> address, Optional<String> refusal) {
    static Target to(InetAddress address) {
      return new Target(Optional.of(address), Optional.empty());
    }

    static Target refused(String why) {
      return new Target(Optional.empty(), Optional.of(why));
    }
  }

  private final Vertx vertx;
  private final boolean allowPrivate;
  private final HostResolver resolver;

  @Inject
  public WebhookAddressGuard(
      Vertx vertx,
      @ConfigProperty(name = "triage.webhooks.allow-private", defaultValue = "false")
          boolean allowPrivate) {
    this(vertx, allowPrivate, HostResolver.SYSTEM);
  }

  WebhookAddressGuard(Vertx vertx, boolean allowPrivate, HostResolver resolver) {
    this.vertx = vertx;
    this.allowPrivate = allowPrivate;
    this.resolver = resolver;
  }

  /** Resolves off the event loop (name lookups block) and answers on the caller's context. */
  @Override
  public Uni<Optional<String>> refusal(URI url) {
    return vertx.executeBlocking(() -> check(url.getHost()), false);
  }

  /** Resolves {@code host} and checks every address it has; blocks while resolving. */
  Optional<String> check(String host) {
    return target(host).refusal();
  }

  /**
   * Resolves {@code host} once and checks every address it has: the first one is where the attempt
   * goes when all pass. Blocks while resolving.
   */
  Target target(String host) {
    return target(host, allowPrivate, resolver);
  }

  static Optional<String> check(String host, boolean allowPrivate) {
    return target(host, allowPrivate, HostResolver.SYSTEM).refusal();
  }

  static Target target(String host, boolean allowPrivate, HostResolver resolver) {
    if (host == null || host.isEmpty()) {
      return Target.refused("must name a host");
    }
    String name =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(name);
    } catch (UnknownHostException | SecurityException e) {
      return Target.refused("host " + shorten(name) + " could not be resolved");
    }
    if (addresses == null || addresses.length == 0) {
      return Target.refused("host " + shorten(name) + " could not be resolved");
    }
    for (InetAddress address : addresses) {
      Optional<String> refused = refusal(address, allowPrivate);
      if (refused.isPresent()) {
        return Target.refused("host " + shorten(name) + " " + refused.get());
      }
    }
    return Target.to(addresses[0]);
  }

  /** Why a request may not go to {@code address}, or empty when it may. */
  static Optional<String> refusal(InetAddress address, boolean allowPrivate) {
    if (!allowPrivate && nat64(address.getAddress())) {
      return Optional.of("resolves to the NAT64 address " + address.getHostAddress());
    }
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
    if (b0 >= 240) {
      return Optional.of("resolves to the reserved address " + text);
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
    if ((b0 == 192 && b1 == 0 && a[2] == 0) || (b0 == 198 && (b1 == 18 || b1 == 19))) {
      return Optional.of("resolves to the special-purpose address " + text);
    }
    // The cloud platform's own endpoint (Azure's wire server and DNS), like instance metadata.
    if (b0 == 168 && b1 == 63 && (a[2] & 0xff) == 129 && (a[3] & 0xff) == 16) {
      return Optional.of("resolves to the platform address " + text);
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
    if (nat64(a)) {
      return slice(a, 12);
    }
    if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
      return slice(a, 2);
    }
    return null;
  }

  /** In the well-known NAT64 prefix 64:ff9b::/96. */
  private static boolean nat64(byte[] a) {
    return a.length == 16
        && (a[0] & 0xff) == 0x00
        && (a[1] & 0xff) == 0x64
        && (a[2] & 0xff) == 0xff
        && (a[3] & 0xff) == 0x9b
        && zero(a, 4, 12);
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
