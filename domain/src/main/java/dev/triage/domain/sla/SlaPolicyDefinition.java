package dev.triage.domain.sla;

import dev.triage.domain.shared.FieldErrors;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Texts;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.SlaClock;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * An SLA policy as an admin defines it (the content of one version): its name, the calendar its
 * targets are measured in, the warning share, its position among the policies (1 is tried first),
 * the conditions under which it applies, and per priority the targets of the three clocks. {@link
 * #toPolicy()} gives what evaluation reads.
 *
 * <p>{@link #define} names each offending field for a 422: {@code name} (blank or longer than
 * {@value #MAX_NAME_LENGTH} characters), {@code calendarId}, {@code warningShare} (not in (0, 1]),
 * {@code position} (below 1), {@code conditions...}, {@code targets.HIGH} (a priority without
 * targets) and {@code targets.HIGH.nextReply} (missing, not positive, or longer than {@link
 * #MAX_TARGET}, 365 days). The constructor refuses the same with an {@link
 * IllegalArgumentException}.
 */
public record SlaPolicyDefinition(
    String name,
    CalendarId calendarId,
    double warningShare,
    int position,
    PolicyConditions conditions,
    Map<Priority, SlaTargets> targets) {

  public static final int MAX_NAME_LENGTH = 100;

  /** The longest target of any clock, in business time. */
  public static final Duration MAX_TARGET = Duration.ofDays(365);

  /**
   * The default policy's position: after any an admin can give. Selection puts the default last
   * whatever its position says.
   */
  public static final int DEFAULT_POSITION = Integer.MAX_VALUE;

  public SlaPolicyDefinition {
    FieldErrors errors = new FieldErrors();
    check(name, calendarId, warningShare, position, conditions, clockMaps(targets), errors);
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException("invalid SLA policy: " + errors);
    }
    name = name.strip();
    conditions = conditions.normalized();
    targets = Collections.unmodifiableMap(new EnumMap<>(targets));
  }

  /**
   * A policy as an admin writes it; {@code targets} maps each priority to its clocks' targets (a
   * missing clock or priority is refused, naming it).
   */
  public static Result<SlaPolicyDefinition> define(
      String name,
      CalendarId calendarId,
      double warningShare,
      int position,
      PolicyConditions conditions,
      Map<Priority, Map<SlaClock, Duration>> targets) {
    FieldErrors errors = new FieldErrors();
    check(name, calendarId, warningShare, position, conditions, targets, errors);
    return errors.toResult(
        () -> {
          EnumMap<Priority, SlaTargets> typed = new EnumMap<>(Priority.class);
          targets.forEach(
              (priority, clocks) ->
                  typed.put(
                      priority,
                      new SlaTargets(
                          clocks.get(SlaClock.FIRST_RESPONSE),
                          clocks.get(SlaClock.RESOLUTION),
                          clocks.get(SlaClock.NEXT_REPLY))));
          return new SlaPolicyDefinition(
              name, calendarId, warningShare, position, conditions, typed);
        });
  }

  /** As {@link #define}, with targets already grouped per priority. */
  public static Result<SlaPolicyDefinition> of(
      String name,
      CalendarId calendarId,
      double warningShare,
      int position,
      PolicyConditions conditions,
      Map<Priority, SlaTargets> targets) {
    return define(name, calendarId, warningShare, position, conditions, clockMaps(targets));
  }

  /**
   * The default policy: DOMAIN.md's targets ({@link SlaPolicy#defaults()}, next reply as first
   * response), warning at 80%, no conditions, measured in {@code calendar} (the 24x7 calendar).
   */
  public static SlaPolicyDefinition defaults(CalendarId calendar) {
    SlaPolicy policy = SlaPolicy.defaults();
    return new SlaPolicyDefinition(
        policy.name(),
        calendar,
        policy.warningShare(),
        DEFAULT_POSITION,
        PolicyConditions.none(),
        policy.targets());
  }

  /** This definition as the default policy, which has no conditions ({@code conditions}). */
  public Result<SlaPolicyDefinition> asDefault() {
    return conditions.isEmpty()
        ? Result.ok(this)
        : Result.invalid("conditions", "the default policy applies to every ticket: none allowed");
  }

  /** The targets and warning share, as evaluation reads them. */
  public SlaPolicy toPolicy() {
    return new SlaPolicy(name, targets, warningShare);
  }

  private static Map<Priority, Map<SlaClock, Duration>> clockMaps(
      Map<Priority, SlaTargets> targets) {
    if (targets == null) {
      return null;
    }
    EnumMap<Priority, Map<SlaClock, Duration>> maps = new EnumMap<>(Priority.class);
    targets.forEach(
        (priority, t) -> {
          EnumMap<SlaClock, Duration> clocks = new EnumMap<>(SlaClock.class);
          if (t != null) {
            for (SlaClock clock : SlaClock.values()) {
              clocks.put(clock, t.of(clock));
            }
          }
          maps.put(priority, clocks);
        });
    return maps;
  }

  private static void check(
      String name,
      CalendarId calendarId,
      double warningShare,
      int position,
      PolicyConditions conditions,
      Map<Priority, Map<SlaClock, Duration>> targets,
      FieldErrors errors) {
    if (Texts.isBlank(name)) {
      errors.add("name", "must not be blank");
    } else if (Texts.length(name.strip()) > MAX_NAME_LENGTH) {
      errors.add("name", "must be at most " + MAX_NAME_LENGTH + " characters");
    }
    if (calendarId == null) {
      errors.add("calendarId", "is required");
    }
    if (!(warningShare > 0.0 && warningShare <= 1.0)) {
      errors.add("warningShare", "must be greater than 0 and at most 1");
    }
    if (position < 1) {
      errors.add("position", "must be at least 1");
    }
    if (conditions == null) {
      errors.add("conditions", "are required");
    } else {
      conditions.check("conditions", errors);
    }
    if (targets == null) {
      errors.add("targets", "are required");
      return;
    }
    for (Priority priority : Priority.values()) {
      Map<SlaClock, Duration> clocks = targets.get(priority);
      String field = "targets." + priority;
      if (clocks == null || clocks.isEmpty()) {
        errors.add(field, "is required: every priority needs its targets");
        continue;
      }
      for (SlaClock clock : SlaClock.values()) {
        Duration target = clocks.get(clock);
        String clockField = field + "." + clock.key();
        if (target == null) {
          errors.add(clockField, "is required");
        } else if (target.isNegative() || target.isZero()) {
          errors.add(clockField, "must be positive");
        } else if (target.compareTo(MAX_TARGET) > 0) {
          errors.add(clockField, "must be at most " + MAX_TARGET.toDays() + " days");
        }
      }
    }
  }
}
