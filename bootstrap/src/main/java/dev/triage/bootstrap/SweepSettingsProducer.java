package dev.triage.bootstrap;

import dev.triage.application.sweep.SweepSettings;
import dev.triage.application.ticket.SlaSettings;
import dev.triage.domain.escalation.AutoClosePolicy;
import dev.triage.domain.escalation.AutoEscalationPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The sweeps' thresholds from {@code triage.sweeps.*}. */
@ApplicationScoped
public class SweepSettingsProducer {

  @Produces
  @Singleton
  SweepSettings sweepSettings(
      SlaSettings sla,
      @ConfigProperty(name = "triage.sweeps.auto-escalate-after", defaultValue = "PT24H")
          Duration escalateAfter,
      @ConfigProperty(name = "triage.sweeps.auto-close-after", defaultValue = "P7D")
          Duration closeAfter,
      @ConfigProperty(name = "triage.sweeps.sla-lookahead") Optional<Duration> lookahead,
      @ConfigProperty(name = "triage.sweeps.batch-size", defaultValue = "500") int batchSize) {
    SweepSettings defaults = SweepSettings.defaults(sla);
    return new SweepSettings(
        new AutoEscalationPolicy(escalateAfter),
        new AutoClosePolicy(closeAfter),
        lookahead.orElse(defaults.slaLookahead()),
        defaults.stoppedLookback(),
        batchSize);
  }
}
