package dev.triage.application.identity.password;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.identity.NewAccounts;
import dev.triage.application.identity.SessionEnder;
import dev.triage.application.identity.UserView;
import dev.triage.application.identity.password.ChangeOwnPassword.Outcome;
import dev.triage.application.port.Accounts;
import dev.triage.application.port.GuessablePasswords;
import dev.triage.application.port.PasswordHasher;
import dev.triage.application.ticket.FieldErrors;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Account;
import dev.triage.domain.user.PasswordPolicy;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Changes the caller's own password: the new one must meet {@link PasswordPolicy} and not be
 * guessable, the current one must verify; then the new hash is stored and every session of the
 * account ends ({@link SessionEnder}), access tokens and refresh tokens alike. API tokens have no
 * password.
 */
public record ChangeOwnPasswordHandler(
    Accounts accounts,
    PasswordHasher hasher,
    GuessablePasswords guessable,
    SessionEnder sessions,
    Clock clock)
    implements Handler<ChangeOwnPassword, Outcome> {

  @Override
  public Uni<Result<Outcome>> handle(ChangeOwnPassword command, RequestContext context) {
    if (context.caller().orElseThrow().apiTokenId().isPresent()) {
      return Uni.createFrom()
          .item(
              Result.err(ErrorCode.CONFLICT, "API tokens have no password; sign in as a person."));
    }
    FieldErrors errors = new FieldErrors();
    if (command.currentPassword() == null || command.currentPassword().isEmpty()) {
      errors.take(Result.invalid("currentPassword", "is required"));
    }
    Optional<String> newPassword =
        errors.take(asNewPassword(PasswordPolicy.check(command.newPassword())));
    Uni<Boolean> guessed =
        newPassword.isPresent()
            ? guessable.guessable(newPassword.get())
            : Uni.createFrom().item(false);
    return guessed.flatMap(
        tooEasy -> {
          if (tooEasy) {
            errors.take(Result.invalid("newPassword", NewAccounts.GUESSABLE));
          }
          if (errors.any()) {
            return Uni.createFrom().item(errors.<Outcome>rejection());
          }
          return accounts
              .byId(context.actor().id())
              .flatMap(
                  found ->
                      found.isEmpty()
                          ? Uni.createFrom()
                              .item(Result.<Outcome>err(ErrorCode.NOT_FOUND, "No account."))
                          : change(found.get(), command, newPassword.orElseThrow(), context));
        });
  }

  private Uni<Result<Outcome>> change(
      Account before, ChangeOwnPassword command, String newPassword, RequestContext context) {
    return hasher
        .verify(command.currentPassword(), before.passwordHash())
        .flatMap(
            matches -> {
              if (!matches) {
                return Uni.createFrom().item(Result.<Outcome>ok(new Outcome.WrongPassword()));
              }
              return hasher
                  .hash(newPassword)
                  .flatMap(
                      hash -> {
                        Instant now = clock.instant();
                        return Results.map(
                            sessions.save(before, before.changePassword(hash, now), now, context),
                            changed -> (Outcome) new Outcome.Changed(UserView.of(changed)));
                      });
            });
  }

  /** The policy's rejection of {@code password}, naming the field {@code newPassword}. */
  private static Result<String> asNewPassword(Result<String> checked) {
    return switch (checked) {
      case Result.Ok<String> ok -> ok;
      case Result.Err<String> err ->
          Result.invalid(Map.of("newPassword", List.copyOf(err.fieldErrors().get("password"))));
    };
  }
}
