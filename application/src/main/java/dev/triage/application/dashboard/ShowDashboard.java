package dev.triage.application.dashboard;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;

/**
 * How is support doing? Counts now and SLA figures over {@code [from, to)} (ISO-8601 instants; the
 * last 30 days when absent). Admins only.
 */
public record ShowDashboard(String from, String to) implements Query<DashboardFigures> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
