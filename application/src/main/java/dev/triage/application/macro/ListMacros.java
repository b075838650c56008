package dev.triage.application.macro;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;
import java.util.List;

/** Which macros may the caller apply? The shared ones and their own. */
public record ListMacros() implements Query<List<Macro>> {

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
