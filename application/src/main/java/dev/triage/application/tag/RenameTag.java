package dev.triage.application.tag;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;

/**
 * An admin renames tag {@code from} to {@code to} on every ticket that has it; when some tickets
 * have {@code to} already, the two merge (each ticket keeps one). Answers how many tickets changed.
 */
public record RenameTag(String from, String to) implements Command<Integer> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
