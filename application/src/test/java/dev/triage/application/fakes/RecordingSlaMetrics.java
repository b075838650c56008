package dev.triage.application.fakes;

import dev.triage.application.port.SlaMetrics;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.SlaClock;
import java.util.ArrayList;
import java.util.List;

/** Keeps every SLA warning and breach counted, in order. */
public final class RecordingSlaMetrics implements SlaMetrics {

  /** One counted alarm. */
  public record Counted(SlaClock clock, Priority priority) {}

  private final List<Counted> warnings = new ArrayList<>();
  private final List<Counted> breaches = new ArrayList<>();

  @Override
  public void warning(SlaClock clock, Priority priority) {
    warnings.add(new Counted(clock, priority));
  }

  @Override
  public void breach(SlaClock clock, Priority priority) {
    breaches.add(new Counted(clock, priority));
  }

  public List<Counted> warnings() {
    return List.copyOf(warnings);
  }

  public List<Counted> breaches() {
    return List.copyOf(breaches);
  }
}
