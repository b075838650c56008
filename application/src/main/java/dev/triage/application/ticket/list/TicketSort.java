package dev.triage.application.ticket.list;

import java.util.Optional;

/**
 * The orders a ticket list comes in. Each is a keyset (its sort key, then the ticket id as the
 * tie-break), so a page starts where the last one ended and costs the same at any depth.
 */
public enum TicketSort {
  /** Oldest first. */
  CREATED("createdAt", "c"),
  /** Newest first: the default. */
  NEWEST("-createdAt", "n"),
  /** The next SLA due date first; tickets with no running clock last. */
  SLA_DUE("slaDueAt", "s"),
  /** Most urgent priority first (CRITICAL, HIGH, MEDIUM, LOW), oldest first within one. */
  PRIORITY("priority", "p"),
  /** Best full-text match first: the order of a search ({@code q}) that names no other sort. */
  RELEVANCE("relevance", "r");

  private final String param;
  private final String code;

  TicketSort(String param, String code) {
    this.param = param;
    this.code = code;
  }

  /** The value of the {@code sort} parameter. */
  public String param() {
    return param;
  }

  /** The short tag a cursor carries, so a cursor of one sort is not taken for another. */
  public String code() {
    return code;
  }

  /** The sorts a client may name ({@code RELEVANCE} is implied by {@code q}). */
  public static Optional<TicketSort> fromParam(String text) {
    for (TicketSort s : values()) {
      if (s != RELEVANCE && s.param.equals(text)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The accepted {@code sort} values, for error messages and documentation. */
  public static final String ACCEPTED = "createdAt, -createdAt, slaDueAt, priority";
}
