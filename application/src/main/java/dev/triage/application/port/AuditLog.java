package dev.triage.application.port;

import dev.triage.application.audit.AuditRecord;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The read side of the audit trail: entries newest first, filtered, a keyset page at a time. */
public interface AuditLog {

  /** Which entries: every filter present must match; {@code from} inclusive, {@code to} not. */
  record Filter(
      Optional<UUID> actor,
      Optional<String> action,
      Optional<String> entityType,
      Optional<String> entityId,
      Optional<Instant> from,
      Optional<Instant> to) {}

  /** The place of an entry in the order (occurred at descending, then id descending). */
  record Position(Instant occurredAt, long id) {}

  /** Up to {@code limit} entries matching {@code filter}, strictly after {@code after}. */
  Uni<List<AuditRecord>> find(Filter filter, Optional<Position> after, int limit);
}
