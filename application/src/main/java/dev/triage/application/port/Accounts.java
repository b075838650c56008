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
