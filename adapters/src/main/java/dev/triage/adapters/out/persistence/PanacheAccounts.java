package dev.triage.adapters.out.persistence;

import dev.triage.application.port.Accounts;
import dev.triage.domain.user.Account;
import dev.triage.domain.user.Email;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Accounts in the {@code users} table. */
@ApplicationScoped
public class PanacheAccounts implements Accounts {

  private final CachedSessionAccounts sessions;

  public PanacheAccounts(CachedSessionAccounts sessions) {
    this.sessions = sessions;
  }

  @Override
  public Uni<Optional<Account>> byId(UserId id) {
    return AccountEntity.<AccountEntity>findById(id.value())
        .map(e -> Optional.ofNullable(e).map(AccountEntity::toDomain));
  }

  @Override
  public Uni<Optional<Account>> byIdForUpdate(UserId id) {
    return AccountEntity.<AccountEntity>findById(id.value(), LockModeType.PESSIMISTIC_WRITE)
        .map(e -> Optional.ofNullable(e).map(AccountEntity::toDomain));
  }

  @Override
  public Uni<Boolean> anyActiveAdmin() {
    return AccountEntity.<AccountEntity>find("role = ?1 and active = true", Role.ADMIN.name())
        .firstResult()
        .map(e -> e != null);
  }

  @Override
  public Uni<Optional<Account>> byEmail(Email email) {
    return AccountEntity.<AccountEntity>find("email", email.value())
        .firstResult()
        .map(e -> Optional.ofNullable(e).map(AccountEntity::toDomain));
  }

  @Override
  public Uni<Boolean> add(Account account) {
    // A unique index on email decides races between replicas; the loser's insert changes nothing.
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(
                        "insert into users (id, email, display_name, role, active, password_hash,"
                            + " session_epoch, created_at, updated_at, version)"
                            + " values (:id, :email, :name, :role, :active, :hash, :epoch,"
                            + " :created, :updated,"
                            + " :version) on conflict (email) do nothing")
                    .setParameter("id", account.id().value())
                    .setParameter("email", account.email().value())
                    .setParameter("name", account.displayName().value())
                    .setParameter("role", account.role().name())
                    .setParameter("active", account.active())
                    .setParameter("hash", account.passwordHash())
                    .setParameter("epoch", account.sessionEpoch())
                    .setParameter("created", account.createdAt().atOffset(ZoneOffset.UTC))
                    .setParameter("updated", account.updatedAt().atOffset(ZoneOffset.UTC))
                    .setParameter("version", account.version())
                    .executeUpdate())
        .map(count -> count == 1);
  }

  /**
   * Saves the change and tells every replica's {@link CachedSessionAccounts}: this one at once, the
   * others through {@code triage_accounts}, sent when the transaction commits (account changes are
   * rare, so this signal costs ticket writes nothing).
   */
  @Override
  public Uni<Boolean> update(Account account, long expectedVersion) {
    sessions.forget(account.id().value());
    return AccountEntity.update(
            "role = ?1, active = ?2, sessionEpoch = ?3, updatedAt = ?4, version = ?5,"
                + " displayName = ?6, passwordHash = ?9, restrictedToGroups = ?10"
                + " where id = ?7 and version = ?8",
            account.role().name(),
            account.active(),
            account.sessionEpoch(),
            account.updatedAt(),
            account.version(),
            account.displayName().value(),
            account.id().value(),
            expectedVersion,
            account.passwordHash(),
            account.restrictedToGroups())
        .flatMap(
            count ->
                count != 1
                    ? Uni.createFrom().item(false)
                    : Panache.getSession()
                        .flatMap(
                            s ->
                                s.createNativeQuery(
                                        "select cast(pg_notify('triage_accounts', :id) as text)")
                                    .setParameter("id", account.id().value().toString())
                                    .getSingleResult())
                        .replaceWith(true));
  }

  @Override
  public Uni<List<Account>> page(Optional<String> afterEmail, int limit) {
    var query =
        afterEmail.isPresent()
            ? AccountEntity.<AccountEntity>find("email > ?1", Sort.by("email"), afterEmail.get())
            : AccountEntity.<AccountEntity>findAll(Sort.by("email"));
    return query
        .page(Page.ofSize(limit))
        .list()
        .map(rows -> rows.stream().map(AccountEntity::toDomain).toList());
  }
}
