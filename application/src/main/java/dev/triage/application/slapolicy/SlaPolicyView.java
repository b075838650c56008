package dev.triage.application.slapolicy;

import dev.triage.application.port.SlaPolicies;
import dev.triage.domain.sla.PolicyConditions;
import dev.triage.domain.sla.SlaPolicyDefinition;
import dev.triage.domain.sla.SlaTargets;
import dev.triage.domain.ticket.Priority;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One version of an SLA policy as the API and the audit trail show it: the definition in the shape
 * a client writes it (targets as ISO-8601 durations, priorities and ids as text), with the policy's
 * id and the version's number.
 *
 * @param targets per priority name, CRITICAL first (as the API body lists them)
 */
public record SlaPolicyView(
    UUID id,
    int version,
    String name,
    UUID calendarId,
    double warningShare,
    int position,
    Conditions conditions,
    Map<String, Targets> targets) {

  /** The audited entity type of SLA policies. */
  public static final String ENTITY = "SlaPolicy";

  /** When the policy applies; an empty list matches any ticket. */
  public record Conditions(
      List<String> priorities,
      List<String> categories,
      List<String> tags,
      List<String> requesterIds) {

    public Conditions {
      priorities = List.copyOf(priorities);
      categories = List.copyOf(categories);
      tags = List.copyOf(tags);
      requesterIds = List.copyOf(requesterIds);
    }
  }

  /** One priority's targets, in business time of the policy's calendar. */
  public record Targets(String firstResponse, String resolution, String nextReply) {}

  public SlaPolicyView {
    // Priorities from the most urgent, as the API body lists them, whatever order the map came in.
    Map<String, Targets> ordered = new LinkedHashMap<>();
    Priority[] priorities = Priority.values();
    for (int i = priorities.length - 1; i >= 0; i--) {
      Targets t = targets.get(priorities[i].name());
      if (t != null) {
        ordered.put(priorities[i].name(), t);
      }
    }
    targets.forEach(ordered::putIfAbsent);
    targets = Collections.unmodifiableMap(ordered);
  }

  /** The stored version as it reads. */
  public static SlaPolicyView of(SlaPolicies.Stored stored) {
    SlaPolicyDefinition definition = stored.version().definition();
    PolicyConditions when = definition.conditions();
    Map<String, Targets> targets = new LinkedHashMap<>();
    definition
        .targets()
        .forEach(
            (Priority priority, SlaTargets t) ->
                targets.put(
                    priority.name(),
                    new Targets(
                        t.firstResponse().toString(),
                        t.resolution().toString(),
                        t.nextReply().toString())));
    return new SlaPolicyView(
        stored.id().value(),
        stored.version().ref().version(),
        definition.name(),
        definition.calendarId().value(),
        definition.warningShare(),
        definition.position(),
        new Conditions(
            when.priorities().stream().map(Priority::name).toList(),
            when.categories(),
            when.tags(),
            when.requesterIds().stream().map(Object::toString).toList()),
        targets);
  }

  @Override
  public String toString() {
    return "SlaPolicyView[id=" + id + ", version=" + version + ", name=" + name + "]";
  }
}
