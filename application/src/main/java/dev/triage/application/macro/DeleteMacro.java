package dev.triage.application.macro;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;

/** The owner of a personal macro, or an admin for a shared one, deletes it. */
public record DeleteMacro(String macroId) implements Command<Macro> {

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
