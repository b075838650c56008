package dev.triage.application.identity;

import dev.triage.application.Results;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Accounts;
import dev.triage.application.port.PasswordHasher;
import dev.triage.application.ticket.FieldErrors;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Account;
import dev.triage.domain.user.DisplayName;
import dev.triage.domain.user.Email;
import dev.triage.domain.user.PasswordPolicy;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * What a customer registering and an admin creating an account share: the email, display name and
 * password are checked together (one answer names every bad field), the password is hashed, the
 * account gets a new id, is noted for the audit trail and added; an email already in use is a
 * conflict.
 */
public record NewAccounts(
    Accounts accounts, PasswordHasher hasher, Clock clock, RandomGenerator random) {

  /** How the domain makes the account of checked fields; it may refuse. */
  @FunctionalInterface
  public interface Maker {
    Result<Account.Change> make(
        UserId id, Email email, DisplayName name, String passwordHash, Instant now);
  }

  /**
   * Checks the fields, then whatever {@code moreChecks} adds, makes the account with {@code maker}
   * and adds it.
   */
  public Uni<Result<UserView>> open(
      String email,
      String displayName,
      String password,
      Consumer<FieldErrors> moreChecks,
      RequestContext context,
      Maker maker) {
    FieldErrors errors = new FieldErrors();
    Optional<Email> checkedEmail = errors.take(Email.of(email));
    Optional<DisplayName> name = errors.take(DisplayName.of(displayName));
    Optional<String> checkedPassword = errors.take(PasswordPolicy.check(password));
    moreChecks.accept(errors);
    if (errors.any()) {
      return Uni.createFrom().item(errors.rejection());
    }
    Instant now = clock.instant();
    return hasher
        .hash(checkedPassword.orElseThrow())
        .flatMap(
            hash ->
                Results.then(
                    maker.make(
                        UserId.newId(now, random),
                        checkedEmail.orElseThrow(),
                        name.orElseThrow(),
                        hash,
                        now),
                    change -> add(change.account(), context)));
  }

  private Uni<Result<UserView>> add(Account account, RequestContext context) {
    context.effects().changed(UserView.ENTITY, account.id().toString(), null, account);
    return accounts
        .add(account)
        .map(
            added ->
                added
                    ? Result.ok(UserView.of(account))
                    : Result.err(ErrorCode.CONFLICT, "An account with this email exists."));
  }
}
