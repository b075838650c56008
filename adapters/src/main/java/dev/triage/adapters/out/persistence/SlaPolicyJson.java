package dev.triage.adapters.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.domain.sla.CalendarId;
import dev.triage.domain.sla.PolicyConditions;
import dev.triage.domain.sla.SlaPolicyDefinition;
import dev.triage.domain.sla.SlaTargets;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.user.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The {@code definition} of a policy version row (V17): the policy in the shape the API writes it,
 * {@code {"name","calendarId","warningShare","position","conditions":{"priorities","categories",
 * "tags","requesterIds"},"targets":{"HIGH":{"firstResponse":"PT1H","resolution":"PT8H",
 * "nextReply":"PT1H"}}}}. A stored definition was checked when it was written and is checked again
 * as it is read back; a row that breaks the policy's rules fails loudly as corrupt.
 */
final class SlaPolicyJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SlaPolicyJson() {}

  static String write(SlaPolicyDefinition policy) {
    ObjectNode root = JSON.createObjectNode();
    root.put("name", policy.name());
    root.put("calendarId", policy.calendarId().toString());
    root.put("warningShare", policy.warningShare());
    root.put("position", policy.position());
    ObjectNode conditions = root.putObject("conditions");
    PolicyConditions when = policy.conditions();
    strings(conditions.putArray("priorities"), when.priorities(), Priority::name);
    strings(conditions.putArray("categories"), when.categories(), c -> c);
    strings(conditions.putArray("tags"), when.tags(), t -> t);
    strings(conditions.putArray("requesterIds"), when.requesterIds(), UserId::toString);
    ObjectNode targets = root.putObject("targets");
    policy
        .targets()
        .forEach(
            (priority, t) ->
                targets
                    .putObject(priority.name())
                    .put("firstResponse", t.firstResponse().toString())
                    .put("resolution", t.resolution().toString())
                    .put("nextReply", t.nextReply().toString()));
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("policy not serializable: " + policy.name(), e);
    }
  }

  static SlaPolicyDefinition read(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored policy definition unreadable", e);
    }
    JsonNode when = root.path("conditions");
    PolicyConditions conditions =
        new PolicyConditions(
            list(when.path("priorities"), Priority::valueOf),
            list(when.path("categories"), c -> c),
            list(when.path("tags"), t -> t),
            list(when.path("requesterIds"), id -> UserId.of(UUID.fromString(id))));
    Map<Priority, SlaTargets> targets = new EnumMap<>(Priority.class);
    root.path("targets")
        .properties()
        .forEach(
            entry ->
                targets.put(
                    Priority.valueOf(entry.getKey()),
                    new SlaTargets(
                        Duration.parse(entry.getValue().path("firstResponse").asText()),
                        Duration.parse(entry.getValue().path("resolution").asText()),
                        Duration.parse(entry.getValue().path("nextReply").asText()))));
    return new SlaPolicyDefinition(
        root.path("name").asText(),
        CalendarId.of(UUID.fromString(root.path("calendarId").asText())),
        root.path("warningShare").asDouble(),
        root.path("position").asInt(),
        conditions,
        targets);
  }

  private static <T> void strings(ArrayNode array, List<T> values, Function<T, String> text) {
    values.forEach(v -> array.add(text.apply(v)));
  }

  private static <T> List<T> list(JsonNode array, Function<String, T> parse) {
    List<T> out = new ArrayList<>();
    array.forEach(node -> out.add(parse.apply(node.asText())));
    return out;
  }
}
