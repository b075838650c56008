package dev.triage.application.identity.session;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Accounts;
import dev.triage.application.port.PasswordHasher;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Account;
import dev.triage.domain.user.Email;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Logs a person in. An unknown email, a wrong password and a deactivated account get the very same
 * answer, and each costs one password verification, so neither the answer nor its timing tells them
 * apart.
 */
public record LoginHandler(
    Accounts accounts, PasswordHasher hasher, SessionStarter sessions, Clock clock)
    implements Handler<Login, Session> {

  static final String REFUSED = "The email or password is wrong.";

  @Override
  public Uni<Result<Session>> handle(Login command, RequestContext context) {
    String password = command.password() == null ? "" : command.password();
    Uni<Optional<Account>> found =
        Email.of(command.email()) instanceof Result.Ok<Email> email
            ? accounts.byEmail(email.value())
            : Uni.createFrom().item(Optional.empty());
    return found.flatMap(
        account -> {
          // An unclaimed account (made on a customer's behalf) has no password: verify against the
          // decoy, so it takes as long to refuse as a wrong password.
          String hash =
              account.filter(Account::claimed).map(Account::passwordHash).orElse(hasher.decoy());
          return hasher
              .verify(password, hash)
              .flatMap(
                  matches -> {
                    if (!matches
                        || account.isEmpty()
                        || !account.get().claimed()
                        || !account.get().active()) {
                      return Uni.createFrom()
                          .item(Result.<Session>err(ErrorCode.UNAUTHENTICATED, REFUSED));
                    }
                    return sessions
                        .start(account.get(), UUID.randomUUID(), clock.instant(), null, context)
                        .map(Result::ok);
                  });
        });
  }
}
