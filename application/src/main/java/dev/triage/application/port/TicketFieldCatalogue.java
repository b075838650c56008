package dev.triage.application.port;

import dev.triage.domain.ticket.FieldDefinition;
import io.smallrye.mutiny.Uni;
import java.util.Map;

/**
 * What ticket commands and reads ask of the custom field catalogue (ADR 20): every field defined,
 * retired ones too, by key. Read on every ticket write and answer, so implementations keep a copy
 * per replica and drop it when a field changes.
 */
@FunctionalInterface
public interface TicketFieldCatalogue {

  /** Every field by key, active or retired. */
  Uni<Map<String, FieldDefinition>> definitions();

  /** A catalogue without fields: tickets accept none and show none. */
  TicketFieldCatalogue NONE = () -> Uni.createFrom().item(Map.of());
}
