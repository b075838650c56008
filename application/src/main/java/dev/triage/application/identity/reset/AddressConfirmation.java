package dev.triage.application.identity.reset;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.identity.Secrets;
import dev.triage.application.identity.UserView;
import dev.triage.application.identity.register.RegisterCustomer;
import dev.triage.application.identity.session.Login;
import dev.triage.application.identity.session.Session;
import dev.triage.application.port.AccountMail;
import dev.triage.application.port.AccountTokens;
import dev.triage.application.port.Accounts;
import dev.triage.application.port.AddressChecks;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Email;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Registration that requires a confirmed address (ADR 0027), as two wrappers around the plain
 * handlers, switched on by a setting: a registration also opens an address check and mails a
 * single-use token (valid for a day); a login of an account whose check is open is refused (403)
 * after the password was found right, so it tells nothing to someone without the password. A
 * refusal rolls the login's session back with the rest of the command.
 */
public final class AddressConfirmation {

  /** How long an address confirmation token works. */
  public static final Duration LIFETIME = Duration.ofDays(1);

  /** Prefix of address confirmation tokens. */
  public static final String PREFIX = "act_";

  static final String UNCONFIRMED =
      "Confirm your e-mail address first, with the token mailed to it at registration.";

  private AddressConfirmation() {}

  /** Registers, then (when required) opens the check and mails the token. */
  public record Registration(
      Handler<RegisterCustomer, UserView> registration,
      boolean required,
      Accounts accounts,
      AccountTokens tokens,
      AddressChecks checks,
      AccountMail mail,
      Clock clock)
      implements Handler<RegisterCustomer, UserView> {

    @Override
    public Uni<Result<UserView>> handle(RegisterCustomer command, RequestContext context) {
      return registration
          .handle(command, context)
          .flatMap(
              result -> {
                if (!required || !(result instanceof Result.Ok<UserView> ok)) {
                  return Uni.createFrom().item(result);
                }
                UserId user = ok.value().id();
                String token = Secrets.newSecret(PREFIX);
                Instant now = clock.instant();
                Instant expires = now.plus(LIFETIME);
                return checks
                    .open(user, now)
                    .flatMap(
                        ignored ->
                            tokens.issue(
                                user,
                                AccountTokens.Purpose.ADDRESS_CHECK,
                                Secrets.sha256(token),
                                now,
                                expires))
                    .flatMap(ignored -> accounts.byId(user))
                    .flatMap(
                        account ->
                            account.isEmpty()
                                ? Uni.createFrom().voidItem()
                                : mail.addressCheck(account.get(), token, expires))
                    .replaceWith(result);
              });
    }
  }

  /** Logs in, then (when required) refuses an account whose address is not confirmed. */
  public record LoginCheck(
      Handler<Login, Session> login, boolean required, Accounts accounts, AddressChecks checks)
      implements Handler<Login, Session> {

    @Override
    public Uni<Result<Session>> handle(Login command, RequestContext context) {
      return login
          .handle(command, context)
          .flatMap(
              result -> {
                if (!required
                    || !(result instanceof Result.Ok<Session>)
                    || !(Email.of(command.email()) instanceof Result.Ok<Email> email)) {
                  return Uni.createFrom().item(result);
                }
                return accounts
                    .byEmail(email.value())
                    .flatMap(
                        account ->
                            account.isEmpty()
                                ? Uni.createFrom().item(false)
                                : checks.pending(account.get().id()))
                    .map(
                        pending ->
                            pending
                                ? Result.<Session>err(ErrorCode.FORBIDDEN, UNCONFIRMED)
                                : result);
              });
    }
  }
}
