package dev.triage.domain.ticket;

import dev.triage.domain.shared.Result;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A ticket field an admin can lock: while locked, any command that would change it is refused with
 * {@code FIELD_LOCKED}, whoever sends it (the sweeps too). Named on the wire by its JSON name.
 */
public enum LockableField {
  PRIORITY("priority"),
  CATEGORY("category"),
  GROUP("groupId"),
  ASSIGNEE("assigneeId");

  private final String jsonName;

  LockableField(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  /** The field named {@code name} (its JSON name); a rejection names {@code field}. */
  public static Result<LockableField> parse(String name, String field) {
    if (name != null) {
      for (LockableField f : values()) {
        if (f.jsonName.equals(name.strip())) {
          return Result.ok(f);
        }
      }
    }
    return Result.invalid(
        field,
        "must be one of "
            + Arrays.stream(values())
                .map(LockableField::jsonName)
                .collect(Collectors.joining(", ")));
  }
}
