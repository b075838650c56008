package dev.triage.application.identity;

import dev.triage.application.Results;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Accounts;
import dev.triage.application.port.GuessablePasswords;
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
 * password are checked together (one answer names every bad field; a guessable password is one),
 * the password is hashed, the account gets a new id, is added and noted for the audit trail; an
 * email already in use is a conflict.
 */
public record NewAccounts(
    Accounts accounts,
    PasswordHasher hasher,
    GuessablePasswords guessable,
    Clock clock,
    RandomGenerator random) {

  /** The rejection of a password that {@link GuessablePasswords} finds guessable. */
  public static final String GUESSABLE = "is too common or too easy to guess";

  /** How the domain makes the account of checked fields; it may refuse. */
  @FunctionalInterface
  public interface Maker {
    Result<Account.Change> make(
        UserId id, Email email, DisplayName name, String passwordHash, Instant now);
  }

  /**
   * Checks the fields, then whatever {@code moreChecks} adds, makes the account with {@code maker}
   * and adds it. The password is hashed before the email is known to be free, so a taken email
   * takes as long to refuse as a free one to register.
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
    Uni<Boolean> guessed =
        checkedPassword.isPresent()
            ? guessable.guessable(checkedPassword.get())
            : Uni.createFrom().item(false);
    return guessed.flatMap(
        tooEasy -> {
          if (tooEasy) {
            errors.take(Result.invalid("password", GUESSABLE));
          }
          if (errors.any()) {
            return Uni.createFrom().item(errors.<UserView>rejection());
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
        });
  }

  private Uni<Result<UserView>> add(Account account, RequestContext context) {
    return accounts
        .add(account)
        .map(
            added -> {
              if (!added) {
                return Result.err(ErrorCode.CONFLICT, "An account with this email exists.");
              }
              context.effects().changed(UserView.ENTITY, account.id().toString(), null, account);
              return Result.ok(UserView.of(account));
            });
  }
}
