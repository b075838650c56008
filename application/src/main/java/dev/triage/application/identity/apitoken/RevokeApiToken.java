package dev.triage.application.identity.apitoken;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;

/** An admin revokes an API token; it stops working at once. */
public record RevokeApiToken(String tokenId) implements Command<Boolean> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
