package dev.triage.application.audit.list;

import static dev.triage.application.fakes.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.application.Page;
import dev.triage.application.audit.AuditRecord;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.AuditLog;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.Caller;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ListAuditEntriesHandlerTest {

  static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  /** The log in memory, ordered and filtered like the SQL adapter. */
  static final class InMemoryAuditLog implements AuditLog {
    final List<AuditRecord> records = new ArrayList<>();

    @Override
    public Uni<List<AuditRecord>> find(Filter filter, Optional<Position> after, int limit) {
      Comparator<AuditRecord> newestFirst =
          Comparator.comparing(AuditRecord::occurredAt)
              .thenComparingLong(AuditRecord::id)
              .reversed();
      return Uni.createFrom()
          .item(
              records.stream()
                  .filter(r -> filter.action().map(r.action()::equals).orElse(true))
                  .filter(r -> filter.from().map(f -> !r.occurredAt().isBefore(f)).orElse(true))
                  .filter(r -> filter.to().map(t -> r.occurredAt().isBefore(t)).orElse(true))
                  .filter(
                      r ->
                          after
                              .map(
                                  p ->
                                      r.occurredAt().isBefore(p.occurredAt())
                                          || r.occurredAt().equals(p.occurredAt())
                                              && r.id() < p.id())
                              .orElse(true))
                  .sorted(newestFirst)
                  .limit(limit)
                  .toList());
    }
  }

  final InMemoryAuditLog log = new InMemoryAuditLog();
  final ListAuditEntriesHandler handler = new ListAuditEntriesHandler(log);
  final RequestContext admin = RequestContext.of(Caller.person(Actor.system()), "r", "");

  static AuditRecord record(long id, Instant at, String action) {
    return new AuditRecord(
        id,
        at,
        Optional.empty(),
        Optional.empty(),
        action,
        "Ticket",
        "t-" + id,
        Optional.empty(),
        Optional.of("{}"),
        Optional.empty(),
        Optional.empty());
  }

  static ListAuditEntries query(Optional<String> after, int limit) {
    return new ListAuditEntries(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        after,
        limit);
  }

  @Test
  void pages_walk_the_whole_log_newest_first_without_gaps_or_repeats_even_for_equal_times() {
    // Seven entries, three of which share one instant: the id breaks the tie.
    IntStream.rangeClosed(1, 7)
        .forEach(i -> log.records.add(record(i, T0.plusSeconds(i <= 3 ? 0 : i), "CreateTicket")));

    List<Long> seen = new ArrayList<>();
    Optional<String> after = Optional.empty();
    int pages = 0;
    do {
      Page<AuditRecord> page =
          handler.handle(query(after, 3), admin).await().indefinitely().orElseThrow();
      page.items().forEach(r -> seen.add(r.id()));
      after = page.next();
      pages++;
    } while (after.isPresent());

    assertThat(seen).containsExactly(7L, 6L, 5L, 4L, 3L, 2L, 1L);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void the_last_page_has_no_next_position() {
    log.records.add(record(1, T0, "CreateTicket"));
    Page<AuditRecord> page =
        handler.handle(query(Optional.empty(), 1), admin).await().indefinitely().orElseThrow();
    assertThat(page.items()).hasSize(1);
    assertThat(page.next()).isEmpty();
  }

  @Test
  void a_cursor_that_is_not_a_position_is_a_malformed_request() {
    Result<Page<AuditRecord>> result =
        handler.handle(query(Optional.of("yesterday|x"), 10), admin).await().indefinitely();
    assertRejected(result, ErrorCode.MALFORMED_REQUEST);
  }

  @Test
  void a_time_range_that_ends_before_it_starts_is_refused_naming_to() {
    ListAuditEntries backwards =
        new ListAuditEntries(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(T0),
            Optional.of(T0.minusSeconds(1)),
            Optional.empty(),
            10);
    Result<Page<AuditRecord>> result = handler.handle(backwards, admin).await().indefinitely();
    assertThat(result)
        .isInstanceOfSatisfying(
            Result.Err.class,
            err -> {
              assertThat(err.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
              assertThat(err.fieldErrors()).containsKey("to");
            });
  }

  @Test
  void positions_read_back_as_they_were_written() {
    AuditRecord r = record(42, Instant.parse("2026-11-22T10:15:30.123456Z"), "X");
    assertThat(ListAuditEntriesHandler.position(ListAuditEntriesHandler.position(r)))
        .contains(new AuditLog.Position(r.occurredAt(), 42));
  }
}
