package dev.triage.domain.sla;

import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.SlaClock;
import dev.triage.domain.user.UserId;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test data for policies and calendars with identities and versions. */
final class Policies {

  static final CalendarId ALWAYS_ID = CalendarId.of(new UUID(0xCA1L, 1));

  static final CalendarVersion ALWAYS =
      new CalendarVersion(
          new CalendarRef(ALWAYS_ID, "24x7", 1), BusinessCalendar.twentyFourSeven());

  private Policies() {}

  static SlaPolicyId policyId(int n) {
    return SlaPolicyId.of(new UUID(0x9011L, n));
  }

  static SlaPolicyVersion defaultPolicy() {
    SlaPolicyDefinition d = SlaPolicyDefinition.defaults(ALWAYS_ID);
    return new SlaPolicyVersion(new SlaPolicyRef(policyId(0), d.name(), 1), true, d);
  }

  /** The same targets for every priority (first response, resolution, next reply). */
  static Map<Priority, Map<SlaClock, Duration>> targets(
      Duration firstResponse, Duration resolution, Duration nextReply) {
    Map<Priority, Map<SlaClock, Duration>> targets = new EnumMap<>(Priority.class);
    for (Priority p : Priority.values()) {
      Map<SlaClock, Duration> clocks = new EnumMap<>(SlaClock.class);
      clocks.put(SlaClock.FIRST_RESPONSE, firstResponse);
      clocks.put(SlaClock.RESOLUTION, resolution);
      clocks.put(SlaClock.NEXT_REPLY, nextReply);
      targets.put(p, clocks);
    }
    return targets;
  }

  static Map<Priority, Map<SlaClock, Duration>> hours(long fr, long res, long next) {
    return targets(Duration.ofHours(fr), Duration.ofHours(res), Duration.ofHours(next));
  }

  static PolicyConditions conditions(
      List<Priority> priorities, List<String> categories, List<String> tags, List<UserId> ids) {
    return new PolicyConditions(priorities, categories, tags, ids);
  }

  static PolicyConditions category(String category) {
    return conditions(List.of(), List.of(category), List.of(), List.of());
  }

  /** Policy {@code n} (version 1) at {@code position}, measured in the 24x7 calendar. */
  static SlaPolicyVersion policy(int n, int position, PolicyConditions conditions) {
    SlaPolicyDefinition d =
        SlaPolicyDefinition.define(
                "policy " + n, ALWAYS_ID, 0.8, position, conditions, hours(n, 10L * n, n))
            .orElseThrow();
    return new SlaPolicyVersion(new SlaPolicyRef(policyId(n), d.name(), 1), false, d);
  }
}
