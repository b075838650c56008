package dev.triage.application.port;

import dev.triage.domain.user.Account;
import dev.triage.domain.user.Email;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;

/** Where accounts live. */
public interface Accounts {

  Uni<Optional<Account>> byId(UserId id);

  /**
   * The account, locked for the rest of the transaction. Everything that starts or ends sessions of
   * an account takes this lock before touching its refresh tokens (a refresh through this method,
   * logout and revocations through {@link #update}), so a refresh never runs between a revocation's
   * two writes and no token it issues escapes the revocation.
   */
  Uni<Optional<Account>> byIdForUpdate(UserId id);

  Uni<Optional<Account>> byEmail(Email email);

  /** Adds the account unless its email is taken (then false); safe for concurrent callers. */
  Uni<Boolean> add(Account account);

  /** Saves a changed account if it still has {@code expectedVersion} (else false). */
  Uni<Boolean> update(Account account, long expectedVersion);

  /** Whether any active admin account exists (a first start has none). */
  Uni<Boolean> anyActiveAdmin();

  /** Accounts ordered by email, after {@code afterEmail} when given. */
  Uni<List<Account>> page(Optional<String> afterEmail, int limit);
}
