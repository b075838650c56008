package dev.triage.application.macro;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import java.util.List;

/**
 * Staff save a macro: a personal one, or (admins only) one shared with all staff. Its actions are
 * checked now: their values, the group, category and custom fields they name, the placeholders of
 * its reply or note.
 *
 * @param shared null for false
 */
public record CreateMacro(String title, Boolean shared, List<MacroAction> actions)
    implements Command<Macro> {

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
