package dev.triage.application.macro;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The owner of a personal macro, or an admin for a shared one, changes its title or its actions
 * (the whole list); a field left out ({@code null}) stays as it is.
 *
 * @param ifMatch the version the caller last read; empty for whatever is current
 */
public record ChangeMacro(
    String macroId, Optional<Long> ifMatch, String title, List<MacroAction> actions)
    implements Command<Macro> {

  public ChangeMacro {
    Objects.requireNonNull(ifMatch, "ifMatch");
  }

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
