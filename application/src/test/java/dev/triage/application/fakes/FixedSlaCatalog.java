package dev.triage.application.fakes;

import dev.triage.application.port.Calendars;
import dev.triage.application.port.SlaCatalog;
import dev.triage.application.port.SlaPolicies;
import dev.triage.application.sla.AppliedSla;
import dev.triage.application.sla.SlaClocks;
import dev.triage.domain.sla.BusinessCalendar;
import dev.triage.domain.sla.CalendarId;
import dev.triage.domain.sla.CalendarRef;
import dev.triage.domain.sla.CalendarVersion;
import dev.triage.domain.sla.PolicyFacts;
import dev.triage.domain.sla.PolicySelection;
import dev.triage.domain.sla.SlaPolicyDefinition;
import dev.triage.domain.sla.SlaPolicyRef;
import dev.triage.domain.sla.SlaPolicySelector;
import dev.triage.domain.sla.SlaPolicyVersion;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Policies and calendars held in memory, as the cache of one replica would hold them: every version
 * ever added stays readable by its row id; {@link #select} uses the current ones. Starts with the
 * default policy on the 24x7 calendar, as the migrations seed them.
 */
public final class FixedSlaCatalog implements SlaCatalog {

  public static final UUID DEFAULT_POLICY_VERSION =
      UUID.fromString("00000000-0000-7000-8000-00000000d3f1");
  public static final UUID TWENTY_FOUR_SEVEN_VERSION =
      UUID.fromString("00000000-0000-7000-8000-000000002471");

  private final Map<UUID, SlaPolicyVersion> policyVersions = new LinkedHashMap<>();
  private final Map<UUID, CalendarVersion> calendarVersions = new LinkedHashMap<>();
  private final Map<Object, UUID> currentPolicies = new LinkedHashMap<>();
  private final Map<CalendarId, UUID> currentCalendars = new LinkedHashMap<>();

  public FixedSlaCatalog() {
    putCalendar(
        TWENTY_FOUR_SEVEN_VERSION,
        new CalendarVersion(
            new CalendarRef(Calendars.TWENTY_FOUR_SEVEN, "24x7", 1),
            BusinessCalendar.twentyFourSeven()));
    putPolicy(
        DEFAULT_POLICY_VERSION,
        new SlaPolicyVersion(
            new SlaPolicyRef(SlaPolicies.DEFAULT, "default", 1),
            true,
            SlaPolicyDefinition.defaults(Calendars.TWENTY_FOUR_SEVEN)));
  }

  /** The SLA clocks as commands use them, over the seeded defaults. */
  public static SlaClocks defaults() {
    return new SlaClocks(new FixedSlaCatalog());
  }

  /** Adds {@code version} as its policy's current version. */
  public FixedSlaCatalog putPolicy(UUID versionId, SlaPolicyVersion version) {
    policyVersions.put(versionId, version);
    currentPolicies.put(version.id(), versionId);
    return this;
  }

  /** Adds {@code version} as its calendar's current version. */
  public FixedSlaCatalog putCalendar(UUID versionId, CalendarVersion version) {
    calendarVersions.put(versionId, version);
    currentCalendars.put(version.id(), versionId);
    return this;
  }

  @Override
  public Uni<AppliedSla> pinned(UUID policyVersionId, UUID calendarVersionId) {
    return Uni.createFrom()
        .item(
            () ->
                new AppliedSla(
                    policyVersionId,
                    known(policyVersions.get(policyVersionId), policyVersionId),
                    calendarVersionId,
                    known(calendarVersions.get(calendarVersionId), calendarVersionId),
                    List.of()));
  }

  @Override
  public Uni<AppliedSla> select(PolicyFacts facts) {
    return Uni.createFrom()
        .item(
            () -> {
              List<SlaPolicyVersion> current = new ArrayList<>();
              currentPolicies.values().forEach(id -> current.add(policyVersions.get(id)));
              PolicySelection selection = SlaPolicySelector.select(current, facts);
              UUID policyVersionId = currentPolicies.get(selection.policy().id());
              UUID calendarVersionId = currentCalendars.get(selection.policy().calendarId());
              return new AppliedSla(
                  policyVersionId,
                  selection.policy(),
                  calendarVersionId,
                  calendarVersions.get(calendarVersionId),
                  selection.matched());
            });
  }

  @Override
  public void invalidate() {}

  private static <T> T known(T value, UUID id) {
    if (value == null) {
      throw new IllegalStateException("no version " + id);
    }
    return value;
  }
}
