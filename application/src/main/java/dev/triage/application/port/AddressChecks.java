package dev.triage.application.port;

import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Instant;

/**
 * Self-registered accounts whose address is not confirmed yet (V33 {@code address_checks}); written
 * in the command's transaction. Accounts made by an admin, and those registered while no
 * confirmation was asked for, have no check and count as confirmed.
 */
public interface AddressChecks {

  /** Notes that {@code user}'s address waits for its confirmation. */
  Uni<Void> open(UserId user, Instant now);

  /** Whether {@code user}'s address still waits for its confirmation. */
  Uni<Boolean> pending(UserId user);

  /** Closes {@code user}'s check: the address is confirmed. */
  Uni<Void> confirm(UserId user, Instant now);
}
