package dev.triage.adapters.in.rest.slapolicy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.triage.application.slapolicy.SlaPolicyInput;
import dev.triage.application.slapolicy.SlaPolicyView;
import dev.triage.domain.sla.PolicyConditions;
import dev.triage.domain.sla.SlaPolicyDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON bodies of the SLA policy endpoints (field names are part of the contract, issue 17). */
final class SlaPolicyBodies {

  private SlaPolicyBodies() {}

  @Schema(
      name = "ClockTargets",
      description =
          "One priority's targets as ISO-8601 durations of business time in the policy's calendar,"
              + " each more than zero and at most 365 days")
  record ClockTargetsBody(
      @Schema(required = true, examples = "PT1H") String firstResponse,
      @Schema(required = true, examples = "PT8H") String resolution,
      @Schema(
              required = true,
              description = "From a requester's public reply to the next public staff reply",
              examples = "PT2H")
          String nextReply) {}

  @Schema(name = "PolicyTargets", description = "The targets of every priority; all four required")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record TargetsBody(
      @JsonProperty("CRITICAL") ClockTargetsBody critical,
      @JsonProperty("HIGH") ClockTargetsBody high,
      @JsonProperty("MEDIUM") ClockTargetsBody medium,
      @JsonProperty("LOW") ClockTargetsBody low) {

    /** The priorities given, by name, CRITICAL first. */
    Map<String, SlaPolicyInput.Targets> byPriority() {
      Map<String, SlaPolicyInput.Targets> targets = new LinkedHashMap<>();
      put(targets, "CRITICAL", critical);
      put(targets, "HIGH", high);
      put(targets, "MEDIUM", medium);
      put(targets, "LOW", low);
      return targets;
    }

    private static void put(
        Map<String, SlaPolicyInput.Targets> targets, String priority, ClockTargetsBody body) {
      if (body != null) {
        targets.put(
            priority,
            new SlaPolicyInput.Targets(body.firstResponse(), body.resolution(), body.nextReply()));
      }
    }

    static TargetsBody of(Map<String, SlaPolicyView.Targets> targets) {
      return new TargetsBody(
          body(targets.get("CRITICAL")),
          body(targets.get("HIGH")),
          body(targets.get("MEDIUM")),
          body(targets.get("LOW")));
    }

    private static ClockTargetsBody body(SlaPolicyView.Targets t) {
      return t == null
          ? null
          : new ClockTargetsBody(t.firstResponse(), t.resolution(), t.nextReply());
    }
  }

  @Schema(
      name = "PolicyConditions",
      description =
          "When the policy applies: every non-empty list must match the ticket (an empty or"
              + " absent list matches any). Priorities and requesters match by equality,"
              + " categories whatever the case, tags when the ticket has any of them.")
  record ConditionsBody(
      @Schema(
              maxItems = PolicyConditions.MAX_ENTRIES,
              description = "CRITICAL, HIGH, MEDIUM or LOW",
              examples = "[\"HIGH\"]")
          List<String> priorities,
      @Schema(maxItems = PolicyConditions.MAX_ENTRIES, examples = "[\"billing\"]")
          List<String> categories,
      @Schema(maxItems = PolicyConditions.MAX_ENTRIES, examples = "[\"vip\"]") List<String> tags,
      @Schema(
              maxItems = PolicyConditions.MAX_ENTRIES,
              description = "Ids of requesting accounts (VIP customers)")
          List<String> requesterIds) {

    SlaPolicyInput.Conditions input() {
      return new SlaPolicyInput.Conditions(priorities, categories, tags, requesterIds);
    }

    static ConditionsBody of(SlaPolicyView.Conditions c) {
      return new ConditionsBody(c.priorities(), c.categories(), c.tags(), c.requesterIds());
    }
  }

  @Schema(
      name = "SlaPolicyDefinition",
      description = "An SLA policy's whole definition; a change replaces all of it")
  record SlaPolicyRequest(
      @Schema(
              required = true,
              maxLength = SlaPolicyDefinition.MAX_NAME_LENGTH,
              description = "Unique among policies, whatever the case",
              examples = "Billing")
          String name,
      @Schema(
              required = true,
              format = "uuid",
              description = "The calendar the targets are measured in; must exist")
          String calendarId,
      @Schema(
              required = true,
              type = SchemaType.NUMBER,
              description =
                  "The share of a target at which a warning is raised, above 0, at most 1",
              examples = "0.8")
          Double warningShare,
      @Schema(
              required = true,
              type = SchemaType.INTEGER,
              minimum = "1",
              description =
                  "Policies are tried by ascending position; the default policy is always last"
                      + " (2147483647)",
              examples = "1")
          Integer position,
      @Schema(description = "Absent for none: the policy applies to every ticket")
          ConditionsBody conditions,
      @Schema(required = true) TargetsBody targets) {

    SlaPolicyInput input() {
      return new SlaPolicyInput(
          name,
          calendarId,
          warningShare,
          position,
          conditions == null ? null : conditions.input(),
          targets == null ? null : targets.byPriority());
    }
  }

  @Schema(name = "SlaPolicy", description = "An SLA policy at its current version")
  record SlaPolicyResponse(
      UUID id,
      @Schema(description = "The version's number, from 1; the ETag") int version,
      String name,
      UUID calendarId,
      double warningShare,
      int position,
      ConditionsBody conditions,
      TargetsBody targets) {

    static SlaPolicyResponse of(SlaPolicyView v) {
      return new SlaPolicyResponse(
          v.id(),
          v.version(),
          v.name(),
          v.calendarId(),
          v.warningShare(),
          v.position(),
          ConditionsBody.of(v.conditions()),
          TargetsBody.of(v.targets()));
    }
  }

  @Schema(name = "SlaPolicyPage")
  record SlaPolicyPage(List<SlaPolicyResponse> items, String nextCursor) {}

  /** What re-applying the current policies did: how many open tickets moved. */
  @Schema(name = "SlaReapplyResult")
  record ReapplyResponse(
      @Schema(description = "Open tickets now measured against other versions than before")
          int tickets) {}
}
