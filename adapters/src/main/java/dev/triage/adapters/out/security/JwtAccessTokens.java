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
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * RS256 access tokens with {@code iss}, {@code aud}, {@code sub}, {@code groups}, {@code iat},
 * {@code exp}, {@code jti} and the account's session epoch ({@code sep}). Verification accepts
 * RS256 only, so {@code alg=none} and HS256-signed-with-the-public-key tokens fail.
 */
@ApplicationScoped
public class JwtAccessTokens implements AccessTokens {

  static final String SESSION_EPOCH = "sep";

  private final JwtKeys keys;
  private final JwtConfig config;
  private final DefaultJWTParser parser;

  public JwtAccessTokens(JwtKeys keys, JwtConfig config) {
    this.keys = keys;
    this.config = config;
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
    try {
      JsonWebToken jwt = parser.parse(token);
      UUID subject = UUID.fromString(jwt.getSubject());
      Object epoch = jwt.getClaim(SESSION_EPOCH);
      long sessionEpoch =
          epoch instanceof JsonNumber n ? n.longValueExact() : ((Number) epoch).longValue();
      return Optional.of(new Claims(UserId.of(subject), sessionEpoch));
    } catch (ParseException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
