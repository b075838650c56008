package dev.triage.domain.ticket;

/**
 * The two service-level clocks every ticket has. Named here, next to the aggregate, because the
 * ticket records a warning and a breach once per clock.
 */
public enum SlaClock {
  FIRST_RESPONSE("firstResponse"),
  RESOLUTION("resolution");

  private final String key;

  SlaClock(String key) {
    this.key = key;
  }

  /** The name used in the JSON contract ({@code sla.firstResponse}, {@code sla.resolution}). */
  public String key() {
    return key;
  }
}
