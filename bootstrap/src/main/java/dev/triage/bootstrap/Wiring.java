package dev.triage.bootstrap;

import dev.triage.adapters.out.security.JwtConfig;
import dev.triage.application.bus.AuthorizationDecorator;
import dev.triage.application.bus.Bus;
import dev.triage.application.bus.Decorator;
import dev.triage.application.bus.HandlerRegistry;
import dev.triage.application.bus.LoggingDecorator;
import dev.triage.application.bus.ReadSessionDecorator;
import dev.triage.application.bus.TransactionDecorator;
import dev.triage.application.bus.ValidationDecorator;
import dev.triage.application.identity.Authentication;
import dev.triage.application.identity.SessionEnder;
import dev.triage.application.identity.apitoken.CreateApiToken;
import dev.triage.application.identity.apitoken.CreateApiTokenHandler;
import dev.triage.application.identity.apitoken.ListApiTokens;
import dev.triage.application.identity.apitoken.ListApiTokensHandler;
import dev.triage.application.identity.apitoken.RevokeApiToken;
import dev.triage.application.identity.apitoken.RevokeApiTokenHandler;
import dev.triage.application.identity.register.RegisterCustomer;
import dev.triage.application.identity.register.RegisterCustomerHandler;
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
import dev.triage.application.port.Accounts;
import dev.triage.application.port.ApiTokens;
import dev.triage.application.port.BusMonitor;
import dev.triage.application.port.PasswordHasher;
import dev.triage.application.port.RefreshTokens;
import dev.triage.application.port.TicketMetrics;
import dev.triage.application.port.Tickets;
import dev.triage.application.port.UnitOfWork;
import dev.triage.application.ticket.SlaSettings;
import dev.triage.application.ticket.create.CreateTicket;
import dev.triage.application.ticket.create.CreateTicketHandler;
import dev.triage.application.ticket.find.FindTicket;
import dev.triage.application.ticket.find.FindTicketHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Binds the use cases to their ports and registers every handler with the bus, in one visible
 * place. The decorator order is the one ADR 2 describes.
 */
@ApplicationScoped
public class Wiring {

  /** UTC, ticking in microseconds: PostgreSQL keeps no finer time, so what is stored reads back. */
  @Produces
  @Singleton
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }

  @Produces
  @Singleton
  Authentication authentication(
      AccessTokens accessTokens, Accounts accounts, ApiTokens apiTokens, UnitOfWork unitOfWork) {
    return new Authentication(accessTokens, accounts, apiTokens, unitOfWork);
  }

  @Produces
  @Singleton
  Bus bus(
      Validator validator,
      BusMonitor monitor,
      UnitOfWork unitOfWork,
      Tickets tickets,
      TicketMetrics ticketMetrics,
      Accounts accounts,
      PasswordHasher hasher,
      AccessTokens accessTokens,
      RefreshTokens refreshTokens,
      ApiTokens apiTokens,
      JwtConfig jwt,
      Clock clock,
      @ConfigProperty(name = "triage.tickets.number-prefix") String numberPrefix) {
    SecureRandom random = new SecureRandom();
    SlaSettings sla = SlaSettings.defaults();
    SessionStarter sessionStarter =
        new SessionStarter(accessTokens, refreshTokens, jwt.refreshTokenLifetime());
    SessionEnder sessionEnder = new SessionEnder(accounts, refreshTokens);
    HandlerRegistry registry =
        new HandlerRegistry()
            // tickets
            .register(
                CreateTicket.class,
                new CreateTicketHandler(tickets, clock, random, numberPrefix, sla, ticketMetrics))
            .register(FindTicket.class, new FindTicketHandler(tickets, sla, clock))
            // identity
            .register(
                RegisterCustomer.class,
                new RegisterCustomerHandler(accounts, hasher, clock, random))
            .register(Login.class, new LoginHandler(accounts, hasher, sessionStarter, clock))
            .register(
                RefreshSession.class,
                new RefreshSessionHandler(refreshTokens, accounts, sessionStarter, clock))
            .register(Logout.class, new LogoutHandler(accounts, sessionEnder, clock))
            .register(FindMe.class, new FindMeHandler(accounts))
            .register(CreateUser.class, new CreateUserHandler(accounts, hasher, clock, random))
            .register(UpdateUser.class, new UpdateUserHandler(accounts, sessionEnder, clock))
            .register(
                RevokeSessions.class, new RevokeSessionsHandler(accounts, sessionEnder, clock))
            .register(ListUsers.class, new ListUsersHandler(accounts))
            .register(CreateApiToken.class, new CreateApiTokenHandler(apiTokens, clock))
            .register(ListApiTokens.class, new ListApiTokensHandler(apiTokens))
            .register(RevokeApiToken.class, new RevokeApiTokenHandler(apiTokens, clock));

    Decorator logging = new LoggingDecorator(monitor);
    Decorator validation = new ValidationDecorator(validator);
    Decorator authorization = new AuthorizationDecorator();
    List<Decorator> commands =
        List.of(logging, validation, authorization, new TransactionDecorator(unitOfWork));
    List<Decorator> queries =
        List.of(logging, validation, authorization, new ReadSessionDecorator(unitOfWork));
    return new Bus(registry, commands, queries);
  }
}
