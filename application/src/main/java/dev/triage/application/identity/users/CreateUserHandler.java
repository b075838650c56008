package dev.triage.application.identity.users;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.identity.UserView;
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
import java.util.random.RandomGenerator;

/** Creates an account for someone else; also used to make sure the first admin exists. */
public final class CreateUserHandler implements Handler<CreateUser, UserView> {

  private final Accounts accounts;
  private final PasswordHasher hasher;
  private final Clock clock;
  private final RandomGenerator random;

  public CreateUserHandler(
      Accounts accounts, PasswordHasher hasher, Clock clock, RandomGenerator random) {
    this.accounts = accounts;
    this.hasher = hasher;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public Uni<Result<UserView>> handle(CreateUser command, RequestContext context) {
    FieldErrors errors = new FieldErrors();
    Optional<Email> email = errors.take(Email.of(command.email()));
    Optional<DisplayName> name = errors.take(DisplayName.of(command.displayName()));
    Optional<String> password = errors.take(PasswordPolicy.check(command.password()));
    if (command.role() == null) {
      errors.take(Result.invalid("role", "is required"));
    }
    if (errors.any()) {
      return Uni.createFrom().item(errors.rejection());
    }
    Instant now = clock.instant();
    return hasher
        .hash(password.orElseThrow())
        .flatMap(
            hash -> {
              Result<Account.Change> created =
                  Account.create(
                      context.actor(),
                      UserId.newId(now, random),
                      email.orElseThrow(),
                      name.orElseThrow(),
                      command.role(),
                      hash,
                      now);
              return Results.then(
                  created,
                  change -> {
                    Account account = change.account();
                    context
                        .effects()
                        .changed(UserView.ENTITY, account.id().toString(), null, account);
                    return accounts
                        .add(account)
                        .map(
                            added ->
                                added
                                    ? Result.ok(UserView.of(account))
                                    : Result.<UserView>err(
                                        ErrorCode.CONFLICT, "An account with this email exists."));
                  });
            });
  }
}
