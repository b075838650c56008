package dev.triage.application.port;

import dev.triage.domain.ticket.FieldDefinition;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The custom ticket fields admins define (issue 18, point 4; ADR 20). Fields are never deleted,
 * only retired; every change raises the version by one; the key and type never change.
 */
public interface TicketFields extends TicketFieldCatalogue {

  /** Adds a field in the command's transaction; false (nothing written) when its key is taken. */
  Uni<Boolean> add(Stored field);

  /** The field, its row locked until the command's transaction ends. */
  Uni<Optional<Stored>> lock(UUID id);

  /** Writes {@code next} over the field of its id, in the command's transaction. */
  Uni<Void> change(Stored next);

  /** The field as last committed. */
  Uni<Optional<Stored>> find(UUID id);

  /** Every field by position (then key), or the active ones only. */
  Uni<List<Stored>> list(boolean includeRetired);

  /** One field as stored. */
  record Stored(UUID id, FieldDefinition definition, long version, Instant updatedAt) {
    public Stored {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(definition, "definition");
      Objects.requireNonNull(updatedAt, "updatedAt");
    }
  }
}
