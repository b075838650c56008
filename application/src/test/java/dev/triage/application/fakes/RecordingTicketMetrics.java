package dev.triage.application.fakes;

import dev.triage.application.port.TicketMetrics;
import dev.triage.domain.ticket.Priority;
import java.util.ArrayList;
import java.util.List;

/** Keeps the priority of every ticket counted as opened, in order. */
public final class RecordingTicketMetrics implements TicketMetrics {

  private final List<Priority> created = new ArrayList<>();

  @Override
  public void created(Priority priority) {
    created.add(priority);
  }

  public List<Priority> created() {
    return List.copyOf(created);
  }
}
