package dev.triage.application.slapolicy;

import dev.triage.domain.shared.FieldErrors;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import dev.triage.domain.sla.CalendarId;
import dev.triage.domain.sla.PolicyConditions;
import dev.triage.domain.sla.SlaPolicy;
import dev.triage.domain.sla.SlaPolicyDefinition;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.SlaClock;
import dev.triage.domain.user.UserId;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A policy's whole definition as a client writes it, fields as raw as they came: the calendar's id
 * and requester ids as text, priorities by name, targets as ISO-8601 durations ({@code "PT8H"}).
 * {@link #define} reads them and hands the rest to {@link SlaPolicyDefinition#define}, so every
 * refusal names its field the way the request body spells it ({@code calendarId}, {@code
 * conditions.priorities[0]}, {@code targets.HIGH.resolution}).
 *
 * @param conditions absent for none (the policy then applies to every ticket)
 * @param targets the clocks' targets by priority name ({@code CRITICAL} ... {@code LOW})
 */
public record SlaPolicyInput(
    String name,
    String calendarId,
    Double warningShare,
    Integer position,
    Conditions conditions,
    Map<String, Targets> targets) {

  /** When the policy applies, as written; a list left out is empty (matches anything). */
  public record Conditions(
      List<String> priorities,
      List<String> categories,
      List<String> tags,
      List<String> requesterIds) {}

  /** One priority's targets as ISO-8601 durations. */
  public record Targets(String firstResponse, String resolution, String nextReply) {

    String of(SlaClock clock) {
      return switch (clock) {
        case FIRST_RESPONSE -> firstResponse;
        case RESOLUTION -> resolution;
        case NEXT_REPLY -> nextReply;
      };
    }
  }

  /** {@code input}, or no fields at all when there is none (each required one is then named). */
  static SlaPolicyInput orEmpty(SlaPolicyInput input) {
    return input == null ? new SlaPolicyInput(null, null, null, null, null, null) : input;
  }

  /**
   * The policy these fields define, or a refusal naming every offending field: those that cannot be
   * read here (a calendar id that is not a UUID, an unknown priority, an unreadable duration) stand
   * in for a harmless value so that the domain's rules name every other field as well.
   */
  public Result<SlaPolicyDefinition> define() {
    FieldErrors errors = new FieldErrors();
    CalendarId calendar = null;
    if (calendarId != null) {
      Optional<UUID> id = Uuids.parse(calendarId);
      if (id.isEmpty()) {
        errors.add("calendarId", "must be a calendar's id (a UUID)");
        calendar = CalendarId.of(new UUID(0, 0));
      } else {
        calendar = CalendarId.of(id.get());
      }
    }
    if (warningShare == null) {
      errors.add("warningShare", "is required");
    }
    if (position == null) {
      errors.add("position", "is required");
    }
    PolicyConditions when = conditions(errors);
    Map<Priority, Map<SlaClock, Duration>> clocks = targets == null ? null : targets(errors);
    Result<SlaPolicyDefinition> defined =
        SlaPolicyDefinition.define(
            name,
            calendar,
            warningShare == null ? SlaPolicy.DEFAULT_WARNING_SHARE : warningShare,
            position == null ? 1 : position,
            when,
            clocks);
    if (errors.isEmpty()) {
      return defined;
    }
    if (defined instanceof Result.Err<SlaPolicyDefinition> refused) {
      refused
          .fieldErrors()
          .forEach((field, messages) -> messages.forEach(m -> errors.add(field, m)));
    }
    return errors.toResult(() -> null);
  }

  private PolicyConditions conditions(FieldErrors errors) {
    if (conditions == null) {
      return PolicyConditions.none();
    }
    return new PolicyConditions(
        parsed(
            conditions.priorities(),
            "conditions.priorities",
            errors,
            SlaPolicyInput::priority,
            "must be one of CRITICAL, HIGH, MEDIUM, LOW",
            Priority.LOW),
        orNone(conditions.categories()),
        orNone(conditions.tags()),
        parsed(
            conditions.requesterIds(),
            "conditions.requesterIds",
            errors,
            text -> Uuids.parse(text).map(UserId::of).orElse(null),
            "must be a user's id (a UUID)",
            UserId.of(new UUID(0, 0))));
  }

  private static <T> List<T> parsed(
      List<String> given,
      String field,
      FieldErrors errors,
      Function<String, T> parse,
      String refusal,
      T standIn) {
    if (given == null) {
      return List.of();
    }
    if (given.size() > PolicyConditions.MAX_ENTRIES) {
      errors.add(field, "at most " + PolicyConditions.MAX_ENTRIES + " entries are allowed");
      return List.of();
    }
    List<T> out = new ArrayList<>(given.size());
    for (int i = 0; i < given.size(); i++) {
      String text = given.get(i);
      T value = text == null ? null : parse.apply(text);
      if (text != null && value == null) {
        errors.add(field + "[" + i + "]", refusal);
        value = standIn;
      }
      out.add(value);
    }
    return out;
  }

  private static <T> List<T> orNone(List<T> list) {
    return list == null ? List.of() : list;
  }

  private Map<Priority, Map<SlaClock, Duration>> targets(FieldErrors errors) {
    Map<Priority, Map<SlaClock, Duration>> out = new EnumMap<>(Priority.class);
    for (Map.Entry<String, Targets> entry : targets.entrySet()) {
      Priority priority = priority(entry.getKey());
      if (priority == null) {
        errors.add(
            "targets", "has no priority named " + cut(entry.getKey()) + "; use CRITICAL to LOW");
        continue;
      }
      Targets given = entry.getValue();
      if (given == null) {
        continue;
      }
      Map<SlaClock, Duration> clocks = new EnumMap<>(SlaClock.class);
      for (SlaClock clock : SlaClock.values()) {
        String text = given.of(clock);
        if (text == null) {
          continue;
        }
        Duration duration = duration(text);
        if (duration == null) {
          errors.add(
              "targets." + priority + "." + clock.key(),
              "must be an ISO-8601 duration such as PT8H");
          duration = Duration.ofHours(1);
        }
        clocks.put(clock, duration);
      }
      out.put(priority, clocks);
    }
    return out;
  }

  private static Priority priority(String name) {
    for (Priority p : Priority.values()) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }

  private static Duration duration(String text) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A name echoed in a message, no longer than a reader needs. */
  private static String cut(String text) {
    String s = String.valueOf(text);
    return s.length() > 20 ? s.substring(0, 20) + "..." : s;
  }
}
