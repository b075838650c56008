package dev.triage.application.port;

import dev.triage.domain.sla.CalendarId;
import dev.triage.domain.sla.CalendarVersion;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The business calendars admins define (ADR 17): each a name and a pointer to its current version,
 * the versions immutable. Names are unique among live calendars, compared without regard to case; a
 * deleted calendar leaves the list but keeps its versions (tickets will pin them).
 */
public interface Calendars {

  /**
   * The calendar today's default policy measures in (round the clock in UTC), written by migration
   * V16: always in use, never deleted.
   */
  CalendarId TWENTY_FOUR_SEVEN =
      CalendarId.of(UUID.fromString("00000000-0000-7000-8000-000000002407"));

  /**
   * Adds a calendar with its first version, in the command's transaction; false (and nothing
   * written) when a live calendar already has its name.
   */
  Uni<Boolean> add(Stored calendar);

  /** The live calendar's current version, its row locked until the command's transaction ends. */
  Uni<Optional<Stored>> lock(CalendarId id);

  /**
   * Writes {@code next} as a new version and moves the calendar's pointer (and name) to it, in the
   * command's transaction; false (and nothing written) when another live calendar has its name.
   */
  Uni<Boolean> change(Stored next);

  /** Takes the live calendar out of the list at {@code at}; its versions stay. */
  Uni<Void> delete(CalendarId id, Instant at);

  /** The live calendar's current version, as last committed. */
  Uni<Optional<Stored>> current(CalendarId id);

  /** Live calendars by name (then id), starting after {@code after}: at most {@code limit}. */
  Uni<List<Stored>> page(Optional<Position> after, int limit);

  /** Where a page of the list continues: after this name and id. */
  record Position(String name, UUID id) {
    public Position {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(id, "id");
    }
  }

  /**
   * One version of a calendar as stored: what it holds, its row's id, who wrote it and when.
   *
   * @param versionId the id of the version row, which tickets will pin
   */
  record Stored(CalendarVersion version, UUID versionId, UUID writtenBy, Instant writtenAt) {
    public Stored {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(versionId, "versionId");
      Objects.requireNonNull(writtenBy, "writtenBy");
      Objects.requireNonNull(writtenAt, "writtenAt");
    }

    public CalendarId id() {
      return version.id();
    }
  }
}
