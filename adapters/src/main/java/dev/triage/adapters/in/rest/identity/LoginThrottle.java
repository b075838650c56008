package dev.triage.adapters.in.rest.identity;

import dev.triage.adapters.in.rest.ClientAddresses;
import dev.triage.adapters.in.rest.ratelimit.RateLimitFilter;
import dev.triage.adapters.in.rest.ratelimit.RateLimitResponses;
import dev.triage.application.port.RateDecision;
import dev.triage.application.port.RateLimit;
import dev.triage.application.port.RateLimits;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Slows password guessing without letting strangers lock an account's owner out. Failed attempts
 * count per (account, client address) strictly ({@link RateLimit#LOGIN_PER_ACCOUNT_AND_IP}) and per
 * account loosely ({@link RateLimit#LOGIN_PER_ACCOUNT}); a spent account-wide budget refuses only
 * the addresses that have themselves failed against the account, so a correct password from an
 * address that has not failed is never refused because of another address's failures. The
 * per-address limit on every login attempt ({@link RateLimit#LOGIN_PER_IP}) is the rate-limit
 * filter's.
 *
 * <p>The (account, address) attempt is taken before the password is checked, so parallel guesses
 * cannot overrun it, and given back when the password was right. A refused attempt never reaches
 * the password check: its answer tells nothing about the password.
 */
@ApplicationScoped
public class LoginThrottle {

  /** The answer to one password check, and whether the password was wrong. */
  public record Attempt(Response response, boolean wrongPassword) {}

  private final RateLimits limits;
  private final ClientAddresses addresses;

  public LoginThrottle(RateLimits limits, ClientAddresses addresses) {
    this.limits = limits;
    this.addresses = addresses;
  }

  /**
   * Runs {@code check} (which verifies a password of the account of {@code email}) unless the
   * brute-force limits refuse it; then the answer is 429 with {@code Retry-After}.
   */
  public Uni<Response> attempt(String email, HttpServerRequest http, Supplier<Uni<Attempt>> check) {
    String account = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    String pair = account + ' ' + RateLimitFilter.addressKey(addresses.of(http));
    return limits
        .consume(RateLimit.LOGIN_PER_ACCOUNT_AND_IP, pair)
        .flatMap(
            fromHere -> {
              if (!fromHere.allowed()) {
                return tooMany(fromHere, http);
              }
              // Another attempt from here is missing from the bucket: this address has failed.
              boolean failedFromHere = fromHere.remaining() < fromHere.limit() - 1;
              Uni<RateDecision> anywhere =
                  failedFromHere
                      ? limits.peek(RateLimit.LOGIN_PER_ACCOUNT, account)
                      : Uni.createFrom().nullItem();
              return anywhere.flatMap(
                  wide ->
                      wide != null && !wide.allowed()
                          ? limits
                              .giveBack(RateLimit.LOGIN_PER_ACCOUNT_AND_IP, pair)
                              .flatMap(ignored -> tooMany(wide, http))
                          : check(account, pair, check));
            });
  }

  private Uni<Response> check(String account, String pair, Supplier<Uni<Attempt>> check) {
    return check
        .get()
        .flatMap(
            attempt ->
                (attempt.wrongPassword()
                        ? limits.consume(RateLimit.LOGIN_PER_ACCOUNT, account).replaceWithVoid()
                        : limits.giveBack(RateLimit.LOGIN_PER_ACCOUNT_AND_IP, pair))
                    .replaceWith(attempt.response()));
  }

  private static Uni<Response> tooMany(RateDecision decision, HttpServerRequest http) {
    return Uni.createFrom().item(RateLimitResponses.tooMany(decision, http.path()));
  }
}
