package dev.triage.application.port;

import dev.triage.domain.sla.SlaPolicyId;
import dev.triage.domain.sla.SlaPolicyVersion;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The SLA policies admins define (ADR 17): each a name, a position and a pointer to its current
 * version, the versions immutable. Names are unique among live policies, compared without regard to
 * case; a deleted policy leaves the list but keeps its versions (tickets pin them). Exactly one
 * policy is the default, written by migration V17, never deleted.
 */
public interface SlaPolicies {

  /** The default policy (migration V17): today's targets on the 24x7 calendar, always last. */
  SlaPolicyId DEFAULT = SlaPolicyId.of(UUID.fromString("00000000-0000-7000-8000-00000000d3f0"));

  /**
   * Adds a policy with its first version, in the command's transaction; false (and nothing written)
   * when a live policy already has its name.
   */
  Uni<Boolean> add(Stored policy);

  /** The live policy's current version, its row locked until the command's transaction ends. */
  Uni<Optional<Stored>> lock(SlaPolicyId id);

  /**
   * Writes {@code next} as a new version and moves the policy's pointer (name and position) to it,
   * in the command's transaction; false (and nothing written) when another live policy has its
   * name.
   */
  Uni<Boolean> change(Stored next);

  /** Takes the live policy out of the list at {@code at}; its versions stay. */
  Uni<Void> delete(SlaPolicyId id, Instant at);

  /** The live policy's current version, as last committed. */
  Uni<Optional<Stored>> current(SlaPolicyId id);

  /**
   * Live policies in the order selection tries them (position, then id), starting after {@code
   * after}: at most {@code limit}.
   */
  Uni<List<Stored>> page(Optional<Position> after, int limit);

  /** Where a page of the list continues: after this position and id. */
  record Position(int position, UUID id) {
    public Position {
      Objects.requireNonNull(id, "id");
    }
  }

  /**
   * One version of a policy as stored: what it holds, its row's id, who wrote it and when.
   *
   * @param versionId the id of the version row, which tickets pin
   */
  record Stored(SlaPolicyVersion version, UUID versionId, UUID writtenBy, Instant writtenAt) {
    public Stored {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(versionId, "versionId");
      Objects.requireNonNull(writtenBy, "writtenBy");
      Objects.requireNonNull(writtenAt, "writtenAt");
    }

    public SlaPolicyId id() {
      return version.id();
    }
  }
}
