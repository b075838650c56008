package dev.triage.adapters.in.rest.ratelimit;

import dev.triage.adapters.in.rest.ClientAddresses;
import dev.triage.application.port.RateDecision;
import dev.triage.application.port.RateLimit;
import dev.triage.application.port.RateLimits;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.util.ArrayDeque;
import java.util.Deque;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Counts every {@code /api/v1} request against its rate limit before it is routed, so requests that
 * end in 404 or 405 count too: login and register per client address, ticket creation per user,
 * everything else per caller (the user, or the client address when anonymous). Management paths
 * ({@code /q/...}) are never limited. Allowed responses carry the limit's {@code RateLimit-Policy}
 * and {@code RateLimit} fields; refused ones are 429 from {@link RateLimitResponses}.
 */
public class RateLimitFilter {

  static final String DECISION = RateLimitFilter.class.getName() + ".decision";
  private static final String API = "/api/v1";

  private final RateLimits limits;
  private final ClientAddresses addresses;
  private final CurrentIdentityAssociation identities;
  private final boolean enabled;

  public RateLimitFilter(
      RateLimits limits,
      ClientAddresses addresses,
      CurrentIdentityAssociation identities,
      @ConfigProperty(name = "triage.rate-limits.enabled", defaultValue = "true") boolean enabled) {
    this.limits = limits;
    this.addresses = addresses;
    this.identities = identities;
    this.enabled = enabled;
  }

  @ServerRequestFilter(preMatching = true)
  public Uni<Response> limit(ContainerRequestContext request, HttpServerRequest http) {
    String instance = path(request, http);
    String path = canonical(instance);
    if (!enabled || !(path.equals(API) || path.startsWith(API + "/"))) {
      return Uni.createFrom().nullItem();
    }
    String method = request.getMethod();
    String address = addressKey(addresses.of(http));
    Uni<RateDecision> decision;
    if ("POST".equals(method) && path.equals(API + "/auth/login")) {
      decision = limits.consume(RateLimit.LOGIN_PER_IP, address);
    } else if ("POST".equals(method) && path.equals(API + "/auth/register")) {
      decision = limits.consume(RateLimit.REGISTER_PER_IP, address);
    } else if ("POST".equals(method)
        && (path.startsWith(API + "/auth/password-reset")
            || path.equals(API + "/auth/confirm-address"))) {
      decision = limits.consume(RateLimit.PASSWORD_RESET_PER_IP, address);
    } else {
      RateLimit limit =
          "POST".equals(method) && path.equals(API + "/tickets")
              ? RateLimit.CREATE_TICKET_PER_USER
              : RateLimit.API_PER_CALLER;
      decision = caller(address).flatMap(key -> limits.consume(limit, key));
    }
    return decision.map(
        d -> {
          request.setProperty(DECISION, d);
          return d.allowed() ? null : RateLimitResponses.tooMany(d, instance);
        });
  }

  @ServerResponseFilter
  public void headers(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(DECISION) instanceof RateDecision decision) {
      RateLimitResponses.addHeaders(decision, response.getHeaders());
    }
  }

  /**
   * The decoded path, so an escaped spelling of login still counts as login; the path as sent when
   * it cannot be decoded (an escaped {@code %} next to a matrix parameter is decoded twice).
   */
  private static String path(ContainerRequestContext request, HttpServerRequest http) {
    try {
      return request.getUriInfo().getPath();
    } catch (IllegalArgumentException undecodable) {
      return http.path();
    }
  }

  /** {@code user:<principal>} for an authenticated caller, {@code ip:<address>} otherwise. */
  private Uni<String> caller(String address) {
    return identities
        .getDeferredIdentity()
        .onFailure()
        .recoverWithNull()
        .map(
            (SecurityIdentity identity) ->
                identity == null || identity.isAnonymous()
                    ? "ip:" + address
                    : "user:" + identity.getPrincipal().getName());
  }

  /**
   * The address a client is counted under: IPv4 as is, IPv6 by its /64 network, since one
   * subscriber usually holds a whole /64 and could otherwise rotate through it.
   */
  public static String addressKey(String address) {
    String[] groups = address.split(":", -1);
    if (groups.length != 8) {
      return address;
    }
    return groups[0] + ':' + groups[1] + ':' + groups[2] + ':' + groups[3] + "::/64";
  }

  /**
   * The path as the router sees it, whatever the spelling: empty and dot segments resolved, matrix
   * parameters dropped, no trailing slash. {@code /api/v1/auth/login/} and {@code
   * /api//v1/./auth/login;x=1} both count as login.
   */
  static String canonical(String path) {
    Deque<String> segments = new ArrayDeque<>();
    for (String raw : path.split("/")) {
      int semicolon = raw.indexOf(';');
      String segment = semicolon < 0 ? raw : raw.substring(0, semicolon);
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        segments.pollLast();
      } else {
        segments.addLast(segment);
      }
    }
    return segments.isEmpty() ? "/" : "/" + String.join("/", segments);
  }
}
