package dev.triage.domain.user;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An authenticated caller: the actor it acts as and the scopes it holds. A person holds every scope
 * their role allows; an API token holds the scopes an admin gave it, no more.
 */
public record Caller(Actor actor, Set<Scope> scopes, Optional<UUID> apiTokenId) {

  public Caller {
    Objects.requireNonNull(actor, "actor");
    scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
    Objects.requireNonNull(apiTokenId, "apiTokenId");
  }

  /** A person logged in with a password: scopes follow from the role. */
  public static Caller person(Actor actor) {
    return new Caller(actor, scopesOf(actor.role()), Optional.empty());
  }

  /**
   * An integration using an API token. It acts as staff (an admin when it holds {@code admin}),
   * with the token's id as its user id, so the audit trail names the token.
   */
  public static Caller apiToken(UUID tokenId, Set<Scope> scopes) {
    Role role = scopes.contains(Scope.ADMIN) ? Role.ADMIN : Role.AGENT;
    return new Caller(Actor.of(UserId.of(tokenId), role), scopes, Optional.of(tokenId));
  }

  public static Set<Scope> scopesOf(Role role) {
    return role == Role.ADMIN
        ? EnumSet.allOf(Scope.class)
        : EnumSet.of(Scope.TICKETS_READ, Scope.TICKETS_WRITE);
  }

  public boolean has(Scope scope) {
    return scopes.contains(scope);
  }
}
