package dev.triage.application.macro;

import dev.triage.application.port.Macros;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A macro as the API and the audit trail show it.
 *
 * @param ownerId the user whose personal macro it is; null for a shared one
 */
public record Macro(
    UUID id,
    String title,
    boolean shared,
    List<MacroAction> actions,
    UUID ownerId,
    UUID createdBy,
    long version,
    Instant updatedAt) {

  /** The audited entity type of macros. */
  public static final String ENTITY = "Macro";

  public static Macro of(Macros.Stored s) {
    return new Macro(
        s.id(),
        s.title(),
        s.shared(),
        s.actions(),
        s.owner().map(o -> o.value()).orElse(null),
        s.createdBy().value(),
        s.version(),
        s.updatedAt());
  }
}
