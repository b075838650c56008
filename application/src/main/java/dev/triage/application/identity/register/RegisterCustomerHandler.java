package dev.triage.application.identity.register;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.identity.NewAccounts;
import dev.triage.application.identity.UserView;
import dev.triage.application.port.Accounts;
import dev.triage.application.port.GuessablePasswords;
import dev.triage.application.port.PasswordHasher;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Account;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * Registers a customer; an email already in use is a conflict, reached after the same work as a
 * registration (the REST layer answers it as one, so registering tells no one which addresses have
 * accounts).
 */
public record RegisterCustomerHandler(NewAccounts accounts)
    implements Handler<RegisterCustomer, UserView> {

  public RegisterCustomerHandler(
      Accounts accounts,
      PasswordHasher hasher,
      GuessablePasswords guessable,
      Clock clock,
      RandomGenerator random) {
    this(new NewAccounts(accounts, hasher, guessable, clock, random));
  }

  @Override
  public Uni<Result<UserView>> handle(RegisterCustomer command, RequestContext context) {
    return accounts.open(
        command.email(),
        command.displayName(),
        command.password(),
        nothingMore -> {},
        context,
        (id, email, name, hash, now) -> {
          // The new customer is the one acting.
          Account.Change change = Account.register(id, email, name, hash, now);
          context.effects().actedAs(change.account().actor());
          return Result.ok(change);
        });
  }
}
