package dev.triage.bootstrap;

import dev.triage.application.sweep.SweepSettings;
import dev.triage.application.ticket.SlaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sweeps' look-ahead and batch size from {@code triage.sweeps.*}. The ages of automatic
 * escalation and auto-close are runtime settings ({@code GET/PATCH /api/v1/settings}, ADR 17);
 * {@code triage.sweeps.auto-escalate-after} and {@code auto-close-after} only seed them (V15).
 */
@ApplicationScoped
public class SweepSettingsProducer {

  @Produces
  @Singleton
  SweepSettings sweepSettings(
      @ConfigProperty(name = "triage.sweeps.sla-lookahead") Optional<Duration> lookahead,
      @ConfigProperty(name = "triage.sweeps.batch-size", defaultValue = "500") int batchSize) {
    SweepSettings defaults = SweepSettings.defaults(SlaSettings.defaults());
    return new SweepSettings(
        lookahead.orElse(defaults.slaLookahead()), defaults.stoppedLookback(), batchSize);
  }
}
