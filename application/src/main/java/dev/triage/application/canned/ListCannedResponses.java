package dev.triage.application.canned;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;
import java.util.List;

/** Which canned responses may the caller use? The shared ones and their own. */
public record ListCannedResponses() implements Query<List<CannedResponse>> {

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
