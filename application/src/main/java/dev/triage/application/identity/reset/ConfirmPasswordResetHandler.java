package dev.triage.application.identity.reset;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.identity.NewAccounts;
import dev.triage.application.identity.Secrets;
import dev.triage.application.identity.SessionEnder;
import dev.triage.application.identity.UserView;
import dev.triage.application.port.AccountTokens;
import dev.triage.application.port.Accounts;
import dev.triage.application.port.GuessablePasswords;
import dev.triage.application.port.PasswordHasher;
import dev.triage.application.ticket.FieldErrors;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Account;
import dev.triage.domain.user.PasswordPolicy;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks the new password first ({@link PasswordPolicy}, not guessable: 422 {@code password}), then
 * spends the token (with every other open reset token of the account) and sets the password, which
 * ends every session of the account (ADR 0014) through {@link SessionEnder}. A token that is
 * unknown, used or expired is 422 {@code token}, the same for each; a refused password leaves the
 * token unspent.
 */
public record ConfirmPasswordResetHandler(
    Accounts accounts,
    AccountTokens tokens,
    PasswordHasher hasher,
    GuessablePasswords guessable,
    SessionEnder sessions,
    Clock clock)
    implements Handler<ConfirmPasswordReset, UserView> {

  static final String NOT_VALID = "is not a valid reset token (unknown, used, or expired)";

  @Override
  public Uni<Result<UserView>> handle(ConfirmPasswordReset command, RequestContext context) {
    FieldErrors errors = new FieldErrors();
    String token = command.token();
    if (token == null || token.isBlank()) {
      errors.take(Result.invalid("token", "is required"));
    } else if (token.length() > 200) {
      errors.take(Result.invalid("token", NOT_VALID));
    }
    Optional<String> password = errors.take(PasswordPolicy.check(command.password()));
    Uni<Boolean> guessed =
        password.isPresent() ? guessable.guessable(password.get()) : Uni.createFrom().item(false);
    return guessed.flatMap(
        tooEasy -> {
          if (tooEasy) {
            errors.take(Result.invalid("password", NewAccounts.GUESSABLE));
          }
          if (errors.any()) {
            return Uni.createFrom().item(errors.<UserView>rejection());
          }
          Instant now = clock.instant();
          return tokens
              .redeem(AccountTokens.Purpose.PASSWORD_RESET, Secrets.sha256(token), now)
              .flatMap(
                  user ->
                      user.isEmpty()
                          ? Uni.createFrom().item(Result.<UserView>invalid("token", NOT_VALID))
                          : accounts
                              .byIdForUpdate(user.get())
                              .flatMap(
                                  found ->
                                      found.filter(Account::active).isEmpty()
                                          ? Uni.createFrom()
                                              .item(Result.<UserView>invalid("token", NOT_VALID))
                                          : set(
                                              found.get(), password.orElseThrow(), now, context)));
        });
  }

  private Uni<Result<UserView>> set(
      Account before, String password, Instant now, RequestContext context) {
    context.effects().actedAs(before.actor());
    return hasher
        .hash(password)
        .flatMap(
            hash ->
                Results.map(
                    sessions.save(before, before.changePassword(hash, now), now, context),
                    UserView::of));
  }
}
