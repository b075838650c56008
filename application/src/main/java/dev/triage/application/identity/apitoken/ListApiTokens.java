package dev.triage.application.identity.apitoken;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;
import java.util.List;

/** Which API tokens exist (without their secrets)? */
public record ListApiTokens() implements Query<List<ApiTokenView>> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
