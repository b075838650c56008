package dev.triage.bootstrap;

import dev.triage.application.identity.SessionEnder;
import dev.triage.application.identity.reset.ConfirmAddress;
import dev.triage.application.identity.reset.ConfirmAddressHandler;
import dev.triage.application.identity.reset.ConfirmPasswordReset;
import dev.triage.application.identity.reset.ConfirmPasswordResetHandler;
import dev.triage.application.identity.reset.RequestPasswordReset;
import dev.triage.application.identity.reset.RequestPasswordResetHandler;
import dev.triage.application.port.AccountMail;
import dev.triage.application.port.AccountTokens;
import dev.triage.application.port.Accounts;
import dev.triage.application.port.AddressChecks;
import dev.triage.application.port.GuessablePasswords;
import dev.triage.application.port.PasswordHasher;
import dev.triage.application.port.RefreshTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Password reset by mail (ADR 0027), bound to its ports and registered with the bus. */
@ApplicationScoped
public class PasswordResetWiring {

  @Produces
  @Singleton
  HandlerModule passwordReset(
      Accounts accounts,
      RefreshTokens refreshTokens,
      AccountTokens tokens,
      AccountMail mail,
      PasswordHasher hasher,
      GuessablePasswords guessable,
      AddressChecks checks,
      Clock clock) {
    SessionEnder sessions = new SessionEnder(accounts, refreshTokens);
    return registry ->
        registry
            .register(
                RequestPasswordReset.class,
                new RequestPasswordResetHandler(accounts, tokens, mail, clock))
            .register(
                ConfirmPasswordReset.class,
                new ConfirmPasswordResetHandler(
                    accounts, tokens, hasher, guessable, sessions, clock))
            .register(
                ConfirmAddress.class, new ConfirmAddressHandler(accounts, tokens, checks, clock));
  }
}
