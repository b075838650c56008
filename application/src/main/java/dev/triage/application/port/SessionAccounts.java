package dev.triage.application.port;

import dev.triage.domain.user.Account;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The accounts behind access tokens, as every request checks them (active, role, session epoch). An
 * implementation may answer from memory, so a request costs no database round trip, as long as a
 * change of an account (logout, deactivation, role change, revocation) is seen on the replica that
 * made it at once and on every other replica within the bound ADR 0010 states.
 */
public interface SessionAccounts {

  /**
   * The account as it stands now, with the groups it belongs to (within the stated bound: a change
   * of a group's members drops each member's entry as an account change does), or empty when there
   * is none.
   */
  Uni<Optional<Current>> current(UserId id);

  /** An account and the groups it belongs to. */
  record Current(Account account, Set<UUID> groupIds) {
    public Current {
      Objects.requireNonNull(account, "account");
      groupIds = Set.copyOf(groupIds);
    }

    /** The actor the account acts as. */
    public Actor actor() {
      return account.actor(groupIds);
    }
  }
}
