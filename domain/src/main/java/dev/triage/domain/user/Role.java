package dev.triage.domain.user;

import dev.triage.domain.shared.Result;
import java.util.Locale;

/** The three kinds of people DOMAIN.md knows; staff are agents and admins. */
public enum Role {
  CUSTOMER,
  AGENT,
  ADMIN;

  /** Agents and admins work tickets; customers only request them. */
  public boolean isStaff() {
    return this != CUSTOMER;
  }

  /** Reads a role name (case-insensitive); a rejection names the field {@code role}. */
  public static Result<Role> parse(String text) {
    if (text != null) {
      for (Role role : values()) {
        if (role.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
          return Result.ok(role);
        }
      }
    }
    return Result.invalid("role", "must be one of CUSTOMER, AGENT, ADMIN");
  }
}
