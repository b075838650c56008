package dev.triage.adapters.in.rest;

import io.smallrye.config.ConfigMapping;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The address of the client behind a request, for rate limits and the audit trail. {@code
 * X-Forwarded-For} is believed only when the direct peer is one of the configured trusted proxies
 * ({@code triage.http.trusted-proxies}); otherwise anyone could pick the address they are counted
 * under.
 *
 * <p>Behind trusted proxies the header is read from right to left, each proxy having appended the
 * address it saw: the first address that is not a trusted proxy is the client. An entry that is not
 * an IP address stops the walk at the nearest trusted hop, so a client-made string never becomes
 * the answer. Addresses come back in Java's canonical text form ({@code 2001:db8:0:0:0:0:0:1}).
 */
@ApplicationScoped
public class ClientAddresses {

  /** Which peers may tell us the client's address. */
  @ConfigMapping(prefix = "triage.http")
  public interface Config {
    /**
     * Exact addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}) of the reverse proxies
     * in front of the service. Empty (the default): {@code X-Forwarded-For} is ignored.
     */
    Optional<List<String>> trustedProxies();
  }

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  private static final int MAX_HOPS = 64;

  private static final Logger LOG = Logger.getLogger(ClientAddresses.class);

  private final List<Range> trusted;
  private final AtomicBoolean warned = new AtomicBoolean();

  /**
   * The last direct peer seen without {@code X-Forwarded-For} and the address it resolved to: a
   * connection's requests come from one peer, so most requests skip parsing it again.
   */
  private volatile Resolved last;

  private record Resolved(String peer, String address) {}

  @Inject
  public ClientAddresses(Config config) {
    this(config.trustedProxies().orElse(List.of()));
  }

  /**
   * @param trustedProxies exact addresses or CIDR ranges
   * @throws IllegalArgumentException when an entry is neither
   */
  public ClientAddresses(List<String> trustedProxies) {
    List<Range> ranges = new ArrayList<>();
    for (String spec : trustedProxies) {
      if (!spec.isBlank()) {
        ranges.add(Range.parse(spec.trim()));
      }
    }
    this.trusted = List.copyOf(ranges);
  }

  /** The client's IP address, or the peer's text as given when it is not an IP address. */
  public String of(HttpServerRequest request) {
    String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    List<String> forwardedFor = request.headers().getAll("X-Forwarded-For");
    if (forwardedFor.isEmpty() && peer != null) {
      Resolved seen = last;
      if (seen != null && seen.peer().equals(peer)) {
        return seen.address();
      }
      String address = resolve(peer, forwardedFor);
      last = new Resolved(peer, address);
      return address;
    }
    if (!forwardedFor.isEmpty() && !warned.get()) {
      InetAddress direct = literal(peer);
      if (direct != null && !isTrusted(direct)) {
        warnUntrusted(direct.getHostAddress());
      }
    }
    return resolve(peer, forwardedFor);
  }

  /**
   * A peer that sends {@code X-Forwarded-For} without being trusted is most likely a reverse proxy
   * nobody configured: every client then shares its address, and per-address limits become global.
   * Said once per process, at the first such request, with the setting that fixes it.
   */
  private void warnUntrusted(String peer) {
    if (warned.compareAndSet(false, true)) {
      LOG.warnf(
          "A request from %s carried X-Forwarded-For, but %s is not a trusted proxy, so the header"
              + " was ignored and every client behind it counts as %s for rate limits and the"
              + " audit trail. If %s is your ingress or load balancer, add its address or network"
              + " to TRIAGE_HTTP_TRUSTED_PROXIES (triage.http.trusted-proxies). Said once.",
          peer, peer, peer, peer);
    }
  }

  /**
   * @param peer the address of the direct peer
   * @param forwardedFor every {@code X-Forwarded-For} value, in the order received
   */
  public String resolve(String peer, List<String> forwardedFor) {
    InetAddress nearest = literal(peer);
    if (nearest == null) {
      return peer == null ? "" : peer;
    }
    if (!isTrusted(nearest) || forwardedFor == null || forwardedFor.isEmpty()) {
      return nearest.getHostAddress();
    }
    List<String> hops = new ArrayList<>();
    for (String value : forwardedFor) {
      for (String hop : value.split(",")) {
        if (!hop.isBlank()) {
          hops.add(hop.trim());
        }
      }
    }
    int stop = Math.max(0, hops.size() - MAX_HOPS);
    for (int i = hops.size() - 1; i >= stop; i--) {
      InetAddress hop = hop(hops.get(i));
      if (hop == null) {
        break;
      }
      if (!isTrusted(hop)) {
        return hop.getHostAddress();
      }
      nearest = hop;
    }
    return nearest.getHostAddress();
  }

  private boolean isTrusted(InetAddress address) {
    for (Range range : trusted) {
      if (range.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /** One {@code X-Forwarded-For} entry: an address, possibly with a port or in brackets. */
  private static InetAddress hop(String entry) {
    String text = entry;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      text = close < 0 ? "" : text.substring(1, close);
    } else if (text.indexOf(':') > 0 && text.indexOf(':') == text.lastIndexOf(':')) {
      text = text.substring(0, text.indexOf(':'));
    }
    return literal(text);
  }

  /** Parses an IP literal, never a host name: nothing here may cause a DNS lookup. */
  static InetAddress literal(String text) {
    if (text == null || text.isEmpty() || text.length() > 64) {
      return null;
    }
    String address = text;
    int zone = address.indexOf('%');
    if (zone >= 0) {
      address = address.substring(0, zone);
    }
    if (IPV4.matcher(address).matches()) {
      for (String octet : address.split("\\.")) {
        if (Integer.parseInt(octet) > 255) {
          return null;
        }
      }
    } else if (!IPV6.matcher(address).matches()) {
      return null;
    }
    try {
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** An exact address or a CIDR range. */
  private record Range(byte[] network, int prefixBits) {

    static Range parse(String spec) {
      int slash = spec.indexOf('/');
      InetAddress address = literal(slash < 0 ? spec : spec.substring(0, slash));
      if (address == null) {
        throw new IllegalArgumentException(
            "triage.http.trusted-proxies: '" + spec + "' is not an IP address or CIDR range");
      }
      byte[] bytes = address.getAddress();
      int bits = bytes.length * 8;
      if (slash >= 0) {
        try {
          bits = Integer.parseInt(spec.substring(slash + 1));
        } catch (NumberFormatException e) {
          bits = -1;
        }
        if (bits < 0 || bits > bytes.length * 8) {
          throw new IllegalArgumentException(
              "triage.http.trusted-proxies: '" + spec + "' has an invalid prefix length");
        }
      }
      return new Range(bytes, bits);
    }

    boolean contains(InetAddress address) {
      byte[] candidate = address.getAddress();
      if (candidate.length != network.length) {
        return false;
      }
      int whole = prefixBits / 8;
      for (int i = 0; i < whole; i++) {
        if (candidate[i] != network[i]) {
          return false;
        }
      }
      int rest = prefixBits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (candidate[whole] & mask) == (network[whole] & mask);
    }
  }
}
