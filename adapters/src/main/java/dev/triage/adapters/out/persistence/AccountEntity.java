package dev.triage.adapters.out.persistence;

import dev.triage.domain.user.Account;
import dev.triage.domain.user.DisplayName;
import dev.triage.domain.user.Email;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The {@code users} row. */
@Entity
@Table(name = "users")
public class AccountEntity extends PanacheEntityBase {

  @Id public UUID id;
  public String email;

  @Column(name = "display_name")
  public String displayName;

  public String role;
  public boolean active;

  @Column(name = "password_hash")
  public String passwordHash;

  @Column(name = "session_epoch")
  public long sessionEpoch;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  public long version;

  @Column(name = "restricted_to_groups")
  public boolean restrictedToGroups;

  static AccountEntity fromDomain(Account a) {
    AccountEntity e = new AccountEntity();
    e.id = a.id().value();
    e.email = a.email().value();
    e.displayName = a.displayName().value();
    e.role = a.role().name();
    e.active = a.active();
    e.passwordHash = a.passwordHash();
    e.sessionEpoch = a.sessionEpoch();
    e.createdAt = a.createdAt();
    e.updatedAt = a.updatedAt();
    e.version = a.version();
    e.restrictedToGroups = a.restrictedToGroups();
    return e;
  }

  Account toDomain() {
    return new Account(
        new UserId(id),
        new Email(email),
        new DisplayName(displayName),
        Role.valueOf(role),
        active,
        passwordHash,
        sessionEpoch,
        createdAt,
        updatedAt,
        version,
        restrictedToGroups);
  }
}
