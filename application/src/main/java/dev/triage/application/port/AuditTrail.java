package dev.triage.application.port;

import dev.triage.application.audit.AuditEntry;
import io.smallrye.mutiny.Uni;

/**
 * Where audit entries are appended, in the command's own transaction: an entry exists exactly when
 * its command's effect was committed. Entries are never changed or removed.
 */
public interface AuditTrail {
  Uni<Void> append(AuditEntry entry);
}
