package dev.triage.bootstrap;

import dev.triage.application.bus.HandlerRegistry;

/**
 * A feature's handler registrations, each feature wired in its own class next to {@link Wiring}:
 * every bean of this type adds its handlers to the one registry the bus uses.
 */
public interface HandlerModule {

  void register(HandlerRegistry registry);
}
