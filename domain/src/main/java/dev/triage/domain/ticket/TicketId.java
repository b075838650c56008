package dev.triage.domain.ticket;

import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** A ticket's identity: a time-ordered UUID (version 7), so inserts stay index-local. */
public record TicketId(UUID value) {

  public TicketId {
    Objects.requireNonNull(value, "value");
  }

  public static TicketId of(UUID value) {
    return new TicketId(value);
  }

  /** A new id whose leading bits are the milliseconds of {@code now}. */
  public static TicketId newId(Instant now, RandomGenerator random) {
    return new TicketId(Uuids.v7(now, random));
  }

  /** Reads a ticket id in canonical UUID form; a rejection names the field {@code id}. */
  public static Result<TicketId> parse(String text) {
    return Uuids.parse(text)
        .<Result<TicketId>>map(uuid -> Result.ok(new TicketId(uuid)))
        .orElseGet(() -> Result.invalid("id", "must be a UUID"));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
