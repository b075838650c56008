package dev.triage.adapters.in.rest.security;

import dev.triage.application.identity.Authentication;
import dev.triage.domain.user.Caller;
import dev.triage.domain.user.Scope;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a bearer token into a security identity whose roles are the caller's role and scopes
 * ({@code AGENT}, {@code tickets:read}, ...), carrying the {@link Caller} for the bus.
 */
@ApplicationScoped
public class BearerIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

  /** Attribute of the security identity that holds the {@link Caller}. */
  public static final String CALLER = "triage.caller";

  private final Authentication authentication;

  public BearerIdentityProvider(Authentication authentication) {
    this.authentication = authentication;
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    return authentication
        .authenticate(request.getToken().getToken())
        .map(
            caller -> {
              if (caller.isEmpty()) {
                throw new AuthenticationFailedException("invalid bearer token");
              }
              Caller c = caller.get();
              QuarkusSecurityIdentity.Builder identity =
                  QuarkusSecurityIdentity.builder()
                      .setPrincipal(new QuarkusPrincipal(c.actor().id().toString()))
                      .addRole(c.actor().role().name())
                      .addAttribute(CALLER, c);
              for (Scope s : c.scopes()) {
                identity.addRole(s.key());
              }
              return identity.build();
            });
  }
}
