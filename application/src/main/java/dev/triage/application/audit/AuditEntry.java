package dev.triage.application.audit;

import dev.triage.domain.user.Actor;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry to append to the audit trail. {@code before} and {@code after} are the states the
 * handler recorded (views or snapshots); the adapter writes them as JSON without any secret.
 *
 * @param actor who did it; empty only for an anonymous request that named no account
 * @param action the command's record name, e.g. {@code CreateTicket}
 * @param entityType what kind of thing changed ({@code Ticket}, {@code User}, ...), or {@link
 *     #NO_ENTITY} when the handler recorded no change
 */
public record AuditEntry(
    Instant occurredAt,
    Optional<Actor> actor,
    String action,
    String entityType,
    String entityId,
    Optional<Object> before,
    Optional<Object> after,
    String clientIp,
    String requestId) {

  /** The entity type of a successful command whose handler recorded no change (a gap to fix). */
  public static final String NO_ENTITY = "None";

  public AuditEntry {
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(entityType, "entityType");
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(clientIp, "clientIp");
    Objects.requireNonNull(requestId, "requestId");
  }
}
