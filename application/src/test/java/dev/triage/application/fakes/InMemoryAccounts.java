package dev.triage.application.fakes;

import dev.triage.application.port.Accounts;
import dev.triage.domain.user.Account;
import dev.triage.domain.user.Email;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users table in memory. Like the SQL adapter it refuses a second account with the same email
 * (false, nothing written) and saves a change only while the stored account is at the expected
 * version.
 */
public final class InMemoryAccounts implements Accounts {

  private final Map<UserId, Account> rows = new LinkedHashMap<>();

  @Override
  public Uni<Optional<Account>> byId(UserId id) {
    return Uni.createFrom().item(() -> Optional.ofNullable(rows.get(id)));
  }

  /** One caller at a time here, so there is nothing to lock. */
  @Override
  public Uni<Optional<Account>> byIdForUpdate(UserId id) {
    return byId(id);
  }

  @Override
  public Uni<Boolean> anyActiveAdmin() {
    return Uni.createFrom()
        .item(() -> rows.values().stream().anyMatch(a -> a.active() && a.role() == Role.ADMIN));
  }

  @Override
  public Uni<Optional<Account>> byEmail(Email email) {
    return Uni.createFrom()
        .item(() -> rows.values().stream().filter(a -> a.email().equals(email)).findFirst());
  }

  @Override
  public Uni<Boolean> add(Account account) {
    return Uni.createFrom()
        .item(
            () -> {
              boolean taken =
                  rows.values().stream().anyMatch(a -> a.email().equals(account.email()));
              if (taken || rows.containsKey(account.id())) {
                return false;
              }
              rows.put(account.id(), account);
              return true;
            });
  }

  @Override
  public Uni<Boolean> update(Account account, long expectedVersion) {
    return Uni.createFrom()
        .item(
            () -> {
              Account stored = rows.get(account.id());
              if (stored == null || stored.version() != expectedVersion) {
                return false;
              }
              rows.put(account.id(), account);
              return true;
            });
  }

  @Override
  public Uni<List<Account>> page(Optional<String> afterEmail, int limit) {
    return Uni.createFrom()
        .item(
            () ->
                rows.values().stream()
                    .filter(
                        a ->
                            afterEmail.isEmpty()
                                || a.email().value().compareTo(afterEmail.get()) > 0)
                    .sorted(Comparator.comparing(a -> a.email().value()))
                    .limit(limit)
                    .toList());
  }

  /** The account as stored now. */
  public Optional<Account> stored(UserId id) {
    return Optional.ofNullable(rows.get(id));
  }
}
