package dev.triage.application.macro;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;

/** What is this macro? The caller's own, or a shared one; any other is not found. */
public record FindMacro(String macroId) implements Query<Macro> {

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
