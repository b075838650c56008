package dev.triage.bootstrap;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Tells the operator, in the log, that a graceful shutdown has begun and what it will wait for:
 * readiness is already DOWN at this point (Quarkus' "Graceful Shutdown" readiness check), the
 * server keeps answering during the delay, then requests in flight get up to the timeout.
 */
@ApplicationScoped
public class ShutdownLog {

  private static final Logger LOG = Logger.getLogger(ShutdownLog.class);

  void delayStarted(
      @Observes ShutdownDelayInitiatedEvent event,
      @ConfigProperty(name = "quarkus.shutdown.delay") Optional<Duration> delay,
      @ConfigProperty(name = "quarkus.shutdown.timeout") Optional<Duration> timeout) {
    LOG.infof(
        "Shutdown requested: readiness is DOWN; serving on for %s, then waiting up to %s for"
            + " requests in flight",
        seconds(delay), seconds(timeout));
  }

  private static String seconds(Optional<Duration> duration) {
    return duration
        .filter(d -> d.toMillis() > 0)
        .map(d -> d.toMillis() / 1000.0 + " s")
        .orElse("no time");
  }
}
