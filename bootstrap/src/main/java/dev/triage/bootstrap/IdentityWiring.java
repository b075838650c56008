package dev.triage.bootstrap;

import dev.triage.adapters.out.security.JwtConfig;
import dev.triage.application.identity.SessionEnder;
import dev.triage.application.identity.apitoken.CreateApiToken;
import dev.triage.application.identity.apitoken.CreateApiTokenHandler;
import dev.triage.application.identity.apitoken.ListApiTokens;
import dev.triage.application.identity.apitoken.ListApiTokensHandler;
import dev.triage.application.identity.apitoken.RevokeApiToken;
import dev.triage.application.identity.apitoken.RevokeApiTokenHandler;
import dev.triage.application.identity.password.ChangeOwnPassword;
import dev.triage.application.identity.password.ChangeOwnPasswordHandler;
import dev.triage.application.identity.register.RegisterCustomer;
import dev.triage.application.identity.register.RegisterCustomerHandler;
import dev.triage.application.identity.reset.AddressConfirmation;
import dev.triage.application.identity.session.Login;
import dev.triage.application.identity.session.LoginHandler;
import dev.triage.application.identity.session.Logout;
import dev.triage.application.identity.session.LogoutHandler;
import dev.triage.application.identity.session.RefreshSession;
import dev.triage.application.identity.session.RefreshSessionHandler;
import dev.triage.application.identity.session.SessionStarter;
import dev.triage.application.identity.users.CreateUser;
import dev.triage.application.identity.users.CreateUserHandler;
import dev.triage.application.identity.users.FindMe;
import dev.triage.application.identity.users.FindMeHandler;
import dev.triage.application.identity.users.ListUsers;
import dev.triage.application.identity.users.ListUsersHandler;
import dev.triage.application.identity.users.RevokeSessions;
import dev.triage.application.identity.users.RevokeSessionsHandler;
import dev.triage.application.identity.users.UpdateUser;
import dev.triage.application.identity.users.UpdateUserHandler;
import dev.triage.application.port.AccessTokens;
import dev.triage.application.port.AccountMail;
import dev.triage.application.port.AccountTokens;
import dev.triage.application.port.Accounts;
import dev.triage.application.port.AddressChecks;
import dev.triage.application.port.ApiTokens;
import dev.triage.application.port.GuessablePasswords;
import dev.triage.application.port.PasswordHasher;
import dev.triage.application.port.RefreshTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Accounts, sessions and API tokens, bound to their ports. */
@ApplicationScoped
public class IdentityWiring {

  @Produces
  @Singleton
  HandlerModule identity(
      Accounts accounts,
      PasswordHasher hasher,
      GuessablePasswords guessable,
      AccessTokens accessTokens,
      RefreshTokens refreshTokens,
      ApiTokens apiTokens,
      JwtConfig jwt,
      @ConfigProperty(name = "triage.auth.session-lifetime", defaultValue = "P30D")
          Duration sessionLifetime,
      SecureRandom random,
      Clock clock,
      @ConfigProperty(name = "triage.auth.require-confirmed-email", defaultValue = "false")
          boolean requireConfirmedEmail,
      AccountTokens accountTokens,
      AddressChecks addressChecks,
      AccountMail accountMail) {
    return registry -> {
      SessionStarter sessionStarter =
          new SessionStarter(
              accessTokens, refreshTokens, jwt.refreshTokenLifetime(), sessionLifetime);
      SessionEnder sessionEnder = new SessionEnder(accounts, refreshTokens);
      registry
          .register(
              RegisterCustomer.class,
              new AddressConfirmation.Registration(
                  new RegisterCustomerHandler(accounts, hasher, guessable, clock, random),
                  requireConfirmedEmail,
                  accounts,
                  accountTokens,
                  addressChecks,
                  accountMail,
                  clock))
          .register(
              Login.class,
              new AddressConfirmation.LoginCheck(
                  new LoginHandler(accounts, hasher, sessionStarter, clock),
                  requireConfirmedEmail,
                  accounts,
                  addressChecks))
          .register(
              RefreshSession.class,
              new RefreshSessionHandler(
                  refreshTokens, accounts, sessionStarter, sessionEnder, clock))
          .register(Logout.class, new LogoutHandler(accounts, sessionEnder, clock))
          .register(FindMe.class, new FindMeHandler(accounts))
          .register(
              CreateUser.class, new CreateUserHandler(accounts, hasher, guessable, clock, random))
          .register(
              ChangeOwnPassword.class,
              new ChangeOwnPasswordHandler(accounts, hasher, guessable, sessionEnder, clock))
          .register(UpdateUser.class, new UpdateUserHandler(accounts, sessionEnder, clock))
          .register(RevokeSessions.class, new RevokeSessionsHandler(accounts, sessionEnder, clock))
          .register(ListUsers.class, new ListUsersHandler(accounts))
          .register(CreateApiToken.class, new CreateApiTokenHandler(apiTokens, clock))
          .register(ListApiTokens.class, new ListApiTokensHandler(apiTokens))
          .register(RevokeApiToken.class, new RevokeApiTokenHandler(apiTokens, clock));
    };
  }
}
