package dev.triage.application.calendar;

import dev.triage.application.port.Calendars;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import dev.triage.domain.sla.CalendarId;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Finds a live calendar by the id a caller gave, as text ("not found" covers a malformed id too),
 * and checks the caller's {@code If-Match} version.
 */
final class CalendarLookup {

  static final String NOT_FOUND = "No such calendar.";

  private CalendarLookup() {}

  /** The refusal of a name another live calendar has. */
  static String nameTaken(String name) {
    return "A calendar named " + name + " exists already; choose another name.";
  }

  /** The calendar's current version, as committed. */
  static Uni<Result<Calendars.Stored>> find(Calendars calendars, String id) {
    return find(id, calendars::current);
  }

  /** The calendar's current version, locked, at the version the caller expects. */
  static Uni<Result<Calendars.Stored>> lock(
      Calendars calendars, String id, Optional<Long> expectedVersion) {
    return find(id, calendars::lock).map(r -> r.flatMap(found -> version(found, expectedVersion)));
  }

  private static Uni<Result<Calendars.Stored>> find(
      String id, Function<CalendarId, Uni<Optional<Calendars.Stored>>> read) {
    Optional<UUID> parsed = Uuids.parse(id);
    if (parsed.isEmpty()) {
      return Uni.createFrom().item(Result.err(ErrorCode.NOT_FOUND, NOT_FOUND));
    }
    return read.apply(CalendarId.of(parsed.get()))
        .map(
            found ->
                found.map(Result::ok).orElseGet(() -> Result.err(ErrorCode.NOT_FOUND, NOT_FOUND)));
  }

  private static Result<Calendars.Stored> version(
      Calendars.Stored found, Optional<Long> expectedVersion) {
    int current = found.version().ref().version();
    if (expectedVersion.isPresent() && expectedVersion.get() != current) {
      return Result.err(
          ErrorCode.VERSION_MISMATCH,
          "Calendar "
              + found.version().ref().name()
              + " is at version "
              + current
              + ", not "
              + expectedVersion.get()
              + "; reload it and try again.");
    }
    return Result.ok(found);
  }
}
