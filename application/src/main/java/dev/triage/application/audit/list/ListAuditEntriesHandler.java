package dev.triage.application.audit.list;

import dev.triage.application.Page;
import dev.triage.application.audit.AuditRecord;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.AuditLog;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads one page of the audit log: asks the port for one entry more than the limit to learn whether
 * another page follows, and hands out the position of the last entry as the next page's start.
 */
public final class ListAuditEntriesHandler implements Handler<ListAuditEntries, Page<AuditRecord>> {

  private final AuditLog log;

  public ListAuditEntriesHandler(AuditLog log) {
    this.log = log;
  }

  @Override
  public Uni<Result<Page<AuditRecord>>> handle(ListAuditEntries query, RequestContext context) {
    if (query.from().isPresent()
        && query.to().isPresent()
        && !query.from().get().isBefore(query.to().get())) {
      return Uni.createFrom().item(Result.invalid("to", "must be later than from"));
    }
    Optional<AuditLog.Position> after = Optional.empty();
    if (query.after().isPresent()) {
      after = position(query.after().get());
      if (after.isEmpty()) {
        return Uni.createFrom()
            .item(Result.err(ErrorCode.MALFORMED_REQUEST, "The cursor is not valid."));
      }
    }
    AuditLog.Filter filter =
        new AuditLog.Filter(
            query.actor(),
            query.action(),
            query.entityType(),
            query.entityId(),
            query.from(),
            query.to());
    return log.find(filter, after, query.limit() + 1)
        .map(rows -> Result.ok(Page.of(rows, query.limit(), ListAuditEntriesHandler::position)));
  }

  /** The position of an entry as text: its time and id, e.g. {@code 2026-11-22T10:15:30Z|42}. */
  static String position(AuditRecord record) {
    return record.occurredAt() + "|" + record.id();
  }

  static Optional<AuditLog.Position> position(String text) {
    int bar = text.lastIndexOf('|');
    if (bar < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new AuditLog.Position(
              Instant.parse(text.substring(0, bar)), Long.parseLong(text.substring(bar + 1))));
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
