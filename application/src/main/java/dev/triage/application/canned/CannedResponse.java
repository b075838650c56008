package dev.triage.application.canned;

import dev.triage.application.port.CannedResponses;
import java.time.Instant;
import java.util.UUID;

/**
 * A canned response as the API and the audit trail show it.
 *
 * @param ownerId the user whose personal response it is; null for a shared one
 */
public record CannedResponse(
    UUID id,
    String title,
    String body,
    boolean shared,
    UUID ownerId,
    UUID createdBy,
    long version,
    Instant updatedAt) {

  /** The audited entity type of canned responses. */
  public static final String ENTITY = "CannedResponse";

  public static CannedResponse of(CannedResponses.Stored s) {
    return new CannedResponse(
        s.id(),
        s.title(),
        s.body(),
        s.shared(),
        s.owner().map(o -> o.value()).orElse(null),
        s.createdBy().value(),
        s.version(),
        s.updatedAt());
  }
}
