package dev.triage.application.port;

import dev.triage.domain.user.Account;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * The accounts behind access tokens, as every request checks them (active, role, session epoch). An
 * implementation may answer from memory, so a request costs no database round trip, as long as a
 * change of an account (logout, deactivation, role change, revocation) is seen on the replica that
 * made it at once and on every other replica within the bound ADR 0010 states.
 */
public interface SessionAccounts {

  /** The account as it stands now (within the stated bound), or empty when there is none. */
  Uni<Optional<Account>> current(UserId id);
}
