package dev.triage.application.slapolicy;

import dev.triage.application.port.Calendars;
import dev.triage.application.port.SlaPolicies;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import dev.triage.domain.sla.SlaPolicyDefinition;
import dev.triage.domain.sla.SlaPolicyId;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Finds a live policy by the id a caller gave, as text ("not found" covers a malformed id too),
 * checks the caller's {@code If-Match} version, and checks that a definition's calendar is live.
 */
final class SlaPolicyLookup {

  static final String NOT_FOUND = "No such SLA policy.";

  private SlaPolicyLookup() {}

  /** The refusal of a name another live policy has. */
  static String nameTaken(String name) {
    return "An SLA policy named " + name + " exists already; choose another name.";
  }

  /** The policy's current version, as committed. */
  static Uni<Result<SlaPolicies.Stored>> find(SlaPolicies policies, String id) {
    return find(id, policies::current);
  }

  /** The policy's current version, locked, at the version the caller expects. */
  static Uni<Result<SlaPolicies.Stored>> lock(
      SlaPolicies policies, String id, Optional<Long> expectedVersion) {
    return find(id, policies::lock).map(r -> r.flatMap(found -> version(found, expectedVersion)));
  }

  /**
   * {@code definition} once its calendar is known to be live; the calendar's row stays locked until
   * the command ends, so the calendar cannot be deleted before the policy that uses it commits (a
   * deletion checks its usage after taking the same lock).
   */
  static Uni<Result<SlaPolicyDefinition>> withLiveCalendar(
      Calendars calendars, SlaPolicyDefinition definition) {
    return calendars
        .lock(definition.calendarId())
        .map(
            calendar ->
                calendar.isPresent()
                    ? Result.ok(definition)
                    : Result.invalid("calendarId", "names no calendar"));
  }

  private static Uni<Result<SlaPolicies.Stored>> find(
      String id, Function<SlaPolicyId, Uni<Optional<SlaPolicies.Stored>>> read) {
    Optional<UUID> parsed = Uuids.parse(id);
    if (parsed.isEmpty()) {
      return Uni.createFrom().item(Result.err(ErrorCode.NOT_FOUND, NOT_FOUND));
    }
    return read.apply(SlaPolicyId.of(parsed.get()))
        .map(
            found ->
                found.map(Result::ok).orElseGet(() -> Result.err(ErrorCode.NOT_FOUND, NOT_FOUND)));
  }

  private static Result<SlaPolicies.Stored> version(
      SlaPolicies.Stored found, Optional<Long> expectedVersion) {
    int current = found.version().ref().version();
    if (expectedVersion.isPresent() && expectedVersion.get() != current) {
      return Result.err(
          ErrorCode.VERSION_MISMATCH,
          "SLA policy "
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
