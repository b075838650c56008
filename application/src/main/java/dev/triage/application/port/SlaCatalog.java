package dev.triage.application.port;

import dev.triage.application.sla.AppliedSla;
import dev.triage.domain.sla.PolicyFacts;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * The SLA policies and calendars as tickets use them (ADR 17), cached in each replica. Versions are
 * immutable, so a pinned version is read once and kept; the list of current policies and the
 * current calendar versions are kept at most {@code triage.sla.cache-ttl} (5 s) and dropped on
 * every replica when a policy or calendar changes ({@code pg_notify('triage_sla')}).
 */
public interface SlaCatalog {

  /**
   * The rules a ticket pinned: the policy version and calendar version rows it names.
   *
   * @throws IllegalStateException (as a failed Uni) when either row does not exist: a foreign key
   *     forbids it
   */
  Uni<AppliedSla> pinned(UUID policyVersionId, UUID calendarVersionId);

  /**
   * The current policy that applies to a ticket with {@code facts} (the first by position whose
   * conditions match, else the default) with the current version of its calendar.
   */
  Uni<AppliedSla> select(PolicyFacts facts);

  /** Forgets the current policies and calendar pointers (a change was committed). */
  void invalidate();
}
