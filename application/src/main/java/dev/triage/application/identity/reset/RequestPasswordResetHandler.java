package dev.triage.application.identity.reset;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.identity.Secrets;
import dev.triage.application.identity.reset.RequestPasswordReset.Accepted;
import dev.triage.application.port.AccountMail;
import dev.triage.application.port.AccountTokens;
import dev.triage.application.port.Accounts;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Account;
import dev.triage.domain.user.Email;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Makes a token (256 random bits), keeps its SHA-256 for 30 minutes and mails the token to the
 * address when an active account has it. The token is made and hashed whether or not the address is
 * known, so the work and the answer are the same; an unknown or inactive address stores and mails
 * nothing. A malformed address is refused (422 {@code email}): that says nothing about accounts.
 */
public final class RequestPasswordResetHandler implements Handler<RequestPasswordReset, Accepted> {

  /** How long a reset token works. */
  public static final Duration LIFETIME = Duration.ofMinutes(30);

  /** Prefix of reset tokens, so one is never mistaken for another kind of secret. */
  public static final String PREFIX = "prt_";

  /** The audited entity type of reset requests (the entity id is the account's). */
  public static final String ENTITY = "PasswordReset";

  private final Accounts accounts;
  private final AccountTokens tokens;
  private final AccountMail mail;
  private final Clock clock;

  public RequestPasswordResetHandler(
      Accounts accounts, AccountTokens tokens, AccountMail mail, Clock clock) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.mail = mail;
    this.clock = clock;
  }

  @Override
  public Uni<Result<Accepted>> handle(RequestPasswordReset command, RequestContext context) {
    Result<Email> email = Email.of(command.email());
    if (email instanceof Result.Err<Email> err) {
      return Uni.createFrom().item(err.cast());
    }
    Email address = ((Result.Ok<Email>) email).value();
    String token = Secrets.newSecret(PREFIX);
    String hash = Secrets.sha256(token);
    Instant now = clock.instant();
    Instant expires = now.plus(LIFETIME);
    return accounts
        .byEmail(address)
        .flatMap(
            found -> {
              Optional<Account> account = found.filter(Account::active);
              if (account.isEmpty()) {
                return Uni.createFrom().item(Result.ok(new Accepted()));
              }
              Account a = account.get();
              context
                  .effects()
                  .changed(
                      ENTITY, a.id().toString(), null, Map.of("expiresAt", expires.toString()));
              return tokens
                  .issue(a.id(), AccountTokens.Purpose.PASSWORD_RESET, hash, now, expires)
                  .flatMap(ignored -> mail.passwordReset(a, token, expires))
                  .replaceWith(Result.ok(new Accepted()));
            });
  }
}
