package dev.triage.adapters.out.relay;

/**
 * Fired (asynchronously, as a CDI event) on every replica when a relay anywhere has published
 * events up to {@code lastPosition}: live streams and the webhook sender wake on it.
 */
public record EventsPublished(long lastPosition) {}
