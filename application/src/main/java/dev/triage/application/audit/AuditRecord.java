package dev.triage.application.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An audit entry as admins read it back. The states are the JSON text stored, passed through
 * unchanged so the reader sees exactly what was written.
 *
 * @param id the entry's place in the log; with {@code occurredAt} it orders pages
 * @param beforeJson the state before as JSON text, empty for a creation
 * @param afterJson the state after as JSON text
 */
public record AuditRecord(
    long id,
    Instant occurredAt,
    Optional<UUID> actorId,
    Optional<String> actorRole,
    String action,
    String entityType,
    String entityId,
    Optional<String> beforeJson,
    Optional<String> afterJson,
    Optional<String> clientIp,
    Optional<String> requestId) {}
