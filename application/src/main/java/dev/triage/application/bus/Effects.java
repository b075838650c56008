package dev.triage.application.bus;

import dev.triage.application.port.RateDecision;
import dev.triage.domain.user.Actor;
import java.util.Objects;
import java.util.Optional;

/**
 * What one request changed, noted by its handler for the decorators around it: the entity it
 * changed with its state before and after (for the audit trail), and whether the answer is a replay
 * of an earlier request with the same idempotency key, and the rate limit the handler counted it
 * against. Mutable, and confined to one request.
 */
public final class Effects {

  /**
   * One change: {@code before} is empty for a creation; states are domain values (snapshots or
   * views) that the audit adapter writes as JSON.
   */
  public record Change(
      String entityType, String entityId, Optional<Object> before, Optional<Object> after) {
    public Change {
      Objects.requireNonNull(entityType, "entityType");
      Objects.requireNonNull(entityId, "entityId");
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
    }
  }

  private Change change;
  private boolean replayed;
  private boolean eventsAppended;
  private Actor actedAs;
  private RateDecision rateDecision;

  /** Records the entity this request changed; the last call wins. */
  public void changed(String entityType, String entityId, Object before, Object after) {
    this.change =
        new Change(entityType, entityId, Optional.ofNullable(before), Optional.ofNullable(after));
  }

  public Optional<Change> change() {
    return Optional.ofNullable(change);
  }

  /**
   * Names the account an anonymous request turned out to act for (a registration, a login, a
   * refresh), so its audit entry names someone; requests with a caller are audited as the caller.
   */
  public void actedAs(Actor actor) {
    this.actedAs = Objects.requireNonNull(actor, "actor");
  }

  public Optional<Actor> actedAs() {
    return Optional.ofNullable(actedAs);
  }

  /** Notes that this request appended events to the outbox in its transaction. */
  public void markEventsAppended() {
    this.eventsAppended = true;
  }

  public boolean eventsAppended() {
    return eventsAppended;
  }

  /**
   * Notes the decision of a rate limit the handler counted this request against, beyond the one the
   * HTTP edge applies (a reply that opens a follow-up counts as a new ticket), so the answer can
   * report it: its {@code RateLimit} fields, or a 429 with {@code Retry-After} when it refused.
   */
  public void rateLimited(RateDecision decision) {
    this.rateDecision = Objects.requireNonNull(decision, "decision");
  }

  public Optional<RateDecision> rateDecision() {
    return Optional.ofNullable(rateDecision);
  }

  /** Marks the answer as a replay of a stored one (no handler ran). */
  public void markReplayed() {
    this.replayed = true;
  }

  public boolean replayed() {
    return replayed;
  }
}
