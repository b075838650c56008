package dev.triage.application.identity;

import dev.triage.domain.user.Account;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;

/** An account as the API shows it: never its password hash or session epoch. */
public record UserView(
    UserId id,
    String email,
    String displayName,
    Role role,
    boolean active,
    boolean restrictedToGroups) {

  /** The audited entity type of accounts (the audit trail records the account, minus secrets). */
  public static final String ENTITY = "User";

  public static UserView of(Account a) {
    return new UserView(
        a.id(),
        a.email().value(),
        a.displayName().value(),
        a.role(),
        a.active(),
        a.restrictedToGroups());
  }
}
