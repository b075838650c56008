package dev.triage.adapters.out.security;

import dev.triage.application.port.AccessTokens;
import dev.triage.domain.user.Account;
import dev.triage.domain.user.UserId;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * RS256 access tokens with {@code iss}, {@code aud}, {@code sub}, {@code groups}, {@code iat},
 * {@code exp}, {@code jti} and the account's session epoch ({@code sep}). Verification accepts
 * RS256 only, so {@code alg=none} and HS256-signed-with-the-public-key tokens fail.
 *
 * <p>A client sends the same token with every request for its lifetime, so a verified token is
 * remembered until it expires (at most {@link #MAX_REMEMBERED} of them): the signature is checked
 * once per token, not once per request. Only tokens that passed every check are remembered, keyed
 * by their exact text; whether the account still accepts them is asked on every request.
 */
@ApplicationScoped
public class JwtAccessTokens implements AccessTokens {

  static final String SESSION_EPOCH = "sep";

  /** Past this many remembered tokens the memory starts over. */
  static final int MAX_REMEMBERED = 4_096;

  private record Verified(Claims claims, long expiresAt) {}

  private final JwtKeys keys;
  private final JwtConfig config;
  private final DefaultJWTParser parser;
  private final Clock clock;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  public JwtAccessTokens(JwtKeys keys, JwtConfig config, Clock clock) {
    this.keys = keys;
    this.config = config;
    this.clock = clock;
    JWTAuthContextInfo info = new JWTAuthContextInfo(keys.publicKey(), config.issuer());
    info.setExpectedAudience(Set.of(config.audience()));
    info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
    info.setRequiredClaims(Set.of("sub", "exp", "iat", "jti", SESSION_EPOCH));
    this.parser = new DefaultJWTParser(info);
  }

  @Override
  public Issued issue(Account account, Instant now) {
    long lifetime = config.accessTokenLifetime().toSeconds();
    String token =
        Jwt.issuer(config.issuer())
            .audience(config.audience())
            .subject(account.id().toString())
            .groups(account.role().name())
            .issuedAt(now)
            .expiresAt(now.plusSeconds(lifetime))
            .claim("jti", UUID.randomUUID().toString())
            .claim(SESSION_EPOCH, account.sessionEpoch())
            .jws()
            .algorithm(SignatureAlgorithm.RS256)
            .sign(keys.privateKey());
    return new Issued(token, lifetime);
  }

  @Override
  public Optional<Claims> verify(String token) {
    long now = clock.instant().getEpochSecond();
    Verified known = verified.get(token);
    if (known != null) {
      if (now < known.expiresAt()) {
        return Optional.of(known.claims());
      }
      verified.remove(token);
    }
    try {
      JsonWebToken jwt = parser.parse(token);
      UUID subject = UUID.fromString(jwt.getSubject());
      Object epoch = jwt.getClaim(SESSION_EPOCH);
      long sessionEpoch =
          epoch instanceof JsonNumber n ? n.longValueExact() : ((Number) epoch).longValue();
      Claims claims = new Claims(UserId.of(subject), sessionEpoch);
      if (verified.size() >= MAX_REMEMBERED) {
        verified.clear();
      }
      verified.put(token, new Verified(claims, jwt.getExpirationTime()));
      return Optional.of(claims);
    } catch (ParseException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
