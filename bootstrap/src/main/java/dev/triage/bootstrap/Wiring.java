package dev.triage.bootstrap;

import dev.triage.adapters.out.security.JwtConfig;
import dev.triage.application.audit.list.ListAuditEntries;
import dev.triage.application.audit.list.ListAuditEntriesHandler;
import dev.triage.application.bus.AuditDecorator;
import dev.triage.application.bus.AuthorizationDecorator;
import dev.triage.application.bus.Bus;
import dev.triage.application.bus.Decorator;
import dev.triage.application.bus.HandlerRegistry;
import dev.triage.application.bus.IdempotencyDecorator;
import dev.triage.application.bus.LoggingDecorator;
import dev.triage.application.bus.ReadSessionDecorator;
import dev.triage.application.bus.TransactionDecorator;
import dev.triage.application.bus.ValidationDecorator;
import dev.triage.application.dashboard.ShowDashboard;
import dev.triage.application.dashboard.ShowDashboardHandler;
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
import dev.triage.application.live.WatchEvents;
import dev.triage.application.live.WatchEventsHandler;
import dev.triage.application.port.AccessTokens;
import dev.triage.application.port.Accounts;
import dev.triage.application.port.ApiTokens;
import dev.triage.application.port.AuditLog;
import dev.triage.application.port.AuditTrail;
import dev.triage.application.port.BusMonitor;
import dev.triage.application.port.IdempotencyStore;
import dev.triage.application.port.LiveEvents;
import dev.triage.application.port.Outbox;
import dev.triage.application.port.PasswordHasher;
import dev.triage.application.port.RefreshTokens;
import dev.triage.application.port.SessionAccounts;
import dev.triage.application.port.SlaMetrics;
import dev.triage.application.port.TicketMetrics;
import dev.triage.application.port.TicketQueries;
import dev.triage.application.port.Tickets;
import dev.triage.application.port.UnitOfWork;
import dev.triage.application.sweep.AutoCloseTicket;
import dev.triage.application.sweep.AutoCloseTicketHandler;
import dev.triage.application.sweep.EscalateStaleTicket;
import dev.triage.application.sweep.EscalateStaleTicketHandler;
import dev.triage.application.sweep.RecordSlaAlarms;
import dev.triage.application.sweep.RecordSlaAlarmsHandler;
import dev.triage.application.sweep.SweepSettings;
import dev.triage.application.ticket.SlaSettings;
import dev.triage.application.ticket.TicketLookup;
import dev.triage.application.ticket.change.AddComment;
import dev.triage.application.ticket.change.AddCommentHandler;
import dev.triage.application.ticket.change.AssignTicket;
import dev.triage.application.ticket.change.AssignTicketHandler;
import dev.triage.application.ticket.change.ChangeStatus;
import dev.triage.application.ticket.change.ChangeStatusHandler;
import dev.triage.application.ticket.change.CloseTicket;
import dev.triage.application.ticket.change.CloseTicketHandler;
import dev.triage.application.ticket.change.EditTicket;
import dev.triage.application.ticket.change.EditTicketHandler;
import dev.triage.application.ticket.change.EscalateTicket;
import dev.triage.application.ticket.change.EscalateTicketHandler;
import dev.triage.application.ticket.change.RedactComment;
import dev.triage.application.ticket.change.RedactCommentHandler;
import dev.triage.application.ticket.change.ReopenTicket;
import dev.triage.application.ticket.change.ReopenTicketHandler;
import dev.triage.application.ticket.change.TicketUpdates;
import dev.triage.application.ticket.change.UnassignTicket;
import dev.triage.application.ticket.change.UnassignTicketHandler;
import dev.triage.application.ticket.comments.ListComments;
import dev.triage.application.ticket.comments.ListCommentsHandler;
import dev.triage.application.ticket.create.CreateTicket;
import dev.triage.application.ticket.create.CreateTicketHandler;
import dev.triage.application.ticket.find.ExplainSla;
import dev.triage.application.ticket.find.ExplainSlaHandler;
import dev.triage.application.ticket.find.FindTicket;
import dev.triage.application.ticket.find.FindTicketHandler;
import dev.triage.application.ticket.list.ListTickets;
import dev.triage.application.ticket.list.ListTicketsHandler;
import dev.triage.application.ticket.overdue.ListOverdue;
import dev.triage.application.ticket.overdue.ListOverdueHandler;
import dev.triage.application.ticket.timeline.ListTimeline;
import dev.triage.application.ticket.timeline.ListTimelineHandler;
import dev.triage.domain.access.AccessPolicy;
import dev.triage.domain.ticket.TicketRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
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
  SlaSettings slaSettings() {
    return SlaSettings.defaults();
  }

  @Produces
  @Singleton
  Authentication authentication(
      AccessTokens accessTokens,
      SessionAccounts accounts,
      ApiTokens apiTokens,
      UnitOfWork unitOfWork) {
    return new Authentication(accessTokens, accounts, apiTokens, unitOfWork);
  }

  @Produces
  @Singleton
  Bus bus(
      Validator validator,
      BusMonitor monitor,
      UnitOfWork unitOfWork,
      Tickets tickets,
      TicketQueries ticketQueries,
      Outbox outbox,
      TicketMetrics ticketMetrics,
      Accounts accounts,
      PasswordHasher hasher,
      AccessTokens accessTokens,
      RefreshTokens refreshTokens,
      ApiTokens apiTokens,
      JwtConfig jwt,
      AuditTrail auditTrail,
      IdempotencyStore idempotencyStore,
      AuditLog auditLog,
      SlaSettings sla,
      SweepSettings sweepSettings,
      SlaMetrics slaMetrics,
      Clock clock,
      LiveEvents liveEvents,
      Instance<HandlerModule> modules,
      @ConfigProperty(name = "triage.tickets.number-prefix") String numberPrefix) {
    SecureRandom random = new SecureRandom();
    SessionStarter sessionStarter =
        new SessionStarter(accessTokens, refreshTokens, jwt.refreshTokenLifetime());
    SessionEnder sessionEnder = new SessionEnder(accounts, refreshTokens);
    TicketLookup lookup = new TicketLookup(ticketQueries);
    TicketUpdates updates = new TicketUpdates(tickets, outbox, sla, clock);
    TicketRules ticketRules = TicketRules.defaults();
    HandlerRegistry registry =
        new HandlerRegistry()
            // tickets
            .register(
                CreateTicket.class,
                new CreateTicketHandler(
                    tickets, clock, random, numberPrefix, sla, ticketMetrics, outbox))
            .register(FindTicket.class, new FindTicketHandler(lookup, sla, clock))
            .register(ExplainSla.class, new ExplainSlaHandler(lookup, sla, clock))
            .register(EditTicket.class, new EditTicketHandler(updates))
            .register(ChangeStatus.class, new ChangeStatusHandler(updates, ticketRules))
            .register(CloseTicket.class, new CloseTicketHandler(updates, ticketRules))
            .register(ReopenTicket.class, new ReopenTicketHandler(updates))
            .register(EscalateTicket.class, new EscalateTicketHandler(updates))
            .register(AssignTicket.class, new AssignTicketHandler(updates, accounts))
            .register(UnassignTicket.class, new UnassignTicketHandler(updates))
            .register(
                AddComment.class,
                new AddCommentHandler(updates, tickets, outbox, random, numberPrefix, sla))
            .register(RedactComment.class, new RedactCommentHandler(updates, tickets, ticketRules))
            // sweeps
            .register(
                RecordSlaAlarms.class,
                new RecordSlaAlarmsHandler(tickets, updates, sla, slaMetrics, clock))
            .register(
                EscalateStaleTicket.class,
                new EscalateStaleTicketHandler(tickets, updates, sweepSettings.escalation(), clock))
            .register(
                AutoCloseTicket.class,
                new AutoCloseTicketHandler(tickets, updates, sweepSettings.autoClose(), clock))
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
            .register(RevokeApiToken.class, new RevokeApiTokenHandler(apiTokens, clock))
            // ticket read side
            .register(
                ListTickets.class,
                new ListTicketsHandler(ticketQueries, AccessPolicy.defaults(), clock))
            .register(
                ListOverdue.class,
                new ListOverdueHandler(ticketQueries, AccessPolicy.defaults(), clock))
            .register(
                ListComments.class,
                new ListCommentsHandler(ticketQueries, AccessPolicy.defaults(), clock))
            .register(
                ListTimeline.class,
                new ListTimelineHandler(ticketQueries, AccessPolicy.defaults(), clock))
            .register(
                ShowDashboard.class,
                new ShowDashboardHandler(ticketQueries, AccessPolicy.defaults(), clock))
            .register(
                WatchEvents.class,
                new WatchEventsHandler(liveEvents, lookup, AccessPolicy.defaults()))
            // audit
            .register(ListAuditEntries.class, new ListAuditEntriesHandler(auditLog));
    for (HandlerModule module : modules) {
      module.register(registry);
    }

    Decorator logging = new LoggingDecorator(monitor);
    Decorator validation = new ValidationDecorator(validator);
    Decorator authorization = new AuthorizationDecorator();
    List<Decorator> commands =
        List.of(
            logging,
            validation,
            authorization,
            new TransactionDecorator(unitOfWork, outbox::committed),
            new IdempotencyDecorator(idempotencyStore),
            new AuditDecorator(auditTrail, clock));
    List<Decorator> queries =
        List.of(logging, validation, authorization, new ReadSessionDecorator(unitOfWork));
    return new Bus(registry, commands, queries);
  }
}
