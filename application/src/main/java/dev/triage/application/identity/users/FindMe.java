package dev.triage.application.identity.users;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;
import dev.triage.application.identity.UserView;

/** Who am I? */
public record FindMe() implements Query<UserView> {

  @Override
  public Access requiredAccess() {
    return Access.SIGNED_IN;
  }
}
