package dev.triage.domain.ticket;

/**
 * The service-level clocks of a ticket. Named here, next to the aggregate, because the ticket
 * records a warning and a breach once per clock for {@link #FIRST_RESPONSE} and {@link
 * #RESOLUTION}. {@link #NEXT_REPLY} runs once per reply cycle (from a requester's public reply to
 * the next public staff reply), so its alarms are recorded per cycle, outside the ticket record.
 */
public enum SlaClock {
  FIRST_RESPONSE("firstResponse"),
  RESOLUTION("resolution"),
  NEXT_REPLY("nextReply");

  private final String key;

  SlaClock(String key) {
    this.key = key;
  }

  /** The name used in the JSON contract ({@code sla.firstResponse}, {@code sla.nextReply}). */
  public String key() {
    return key;
  }

  /**
   * True for the clocks that run once in a ticket's life and whose alarms the ticket records
   * itself; false for the next-reply clock, which runs once per reply cycle.
   */
  public boolean oncePerTicket() {
    return this != NEXT_REPLY;
  }
}
