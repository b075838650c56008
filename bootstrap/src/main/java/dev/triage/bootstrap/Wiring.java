package dev.triage.bootstrap;

import dev.triage.application.bus.Bus;
import dev.triage.application.bus.HandlerRegistry;
import dev.triage.application.bus.Pipelines;
import dev.triage.application.identity.Authentication;
import dev.triage.application.port.AccessTokens;
import dev.triage.application.port.ApiTokens;
import dev.triage.application.port.AuditTrail;
import dev.triage.application.port.BusMonitor;
import dev.triage.application.port.IdempotencyStore;
import dev.triage.application.port.Outbox;
import dev.triage.application.port.SessionAccounts;
import dev.triage.application.port.SlaCatalog;
import dev.triage.application.port.TicketFields;
import dev.triage.application.port.TicketQueries;
import dev.triage.application.port.Tickets;
import dev.triage.application.port.UnitOfWork;
import dev.triage.application.sla.SlaClocks;
import dev.triage.application.ticket.TicketLookup;
import dev.triage.application.ticket.bulk.BulkTicketChanges;
import dev.triage.application.ticket.change.TicketUpdates;
import dev.triage.domain.ticket.TicketRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/**
 * The bus and what several features share. Each feature registers its own handlers in its own
 * {@link HandlerModule} ({@link TicketWiring}, {@link SweepWiring}, {@link IdentityWiring}, {@link
 * ReadSideWiring}, {@link NotificationWiring}, {@link WebhookWiring}, {@link SettingsWiring}); the
 * decorator chains come from {@link Pipelines}, in the order ADR 2 describes.
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
  SecureRandom random() {
    return new SecureRandom();
  }

  @Produces
  @Singleton
  SlaClocks slaClocks(SlaCatalog catalog) {
    return new SlaClocks(catalog);
  }

  @Produces
  @Singleton
  TicketRules ticketRules() {
    return TicketRules.defaults();
  }

  @Produces
  @Singleton
  TicketUpdates ticketUpdates(
      Tickets tickets, Outbox outbox, SlaClocks sla, Clock clock, TicketFields fields) {
    return new TicketUpdates(tickets, outbox, sla, clock, fields);
  }

  @Produces
  @Singleton
  BulkTicketChanges bulkTicketChanges(Bus bus) {
    return new BulkTicketChanges(bus);
  }

  @Produces
  @Singleton
  TicketLookup ticketLookup(TicketQueries queries) {
    return new TicketLookup(queries);
  }

  @Produces
  @Singleton
  Authentication authentication(
      AccessTokens accessTokens,
      SessionAccounts accounts,
      ApiTokens apiTokens,
      UnitOfWork unitOfWork,
      Clock clock) {
    return new Authentication(accessTokens, accounts, apiTokens, unitOfWork, clock);
  }

  @Produces
  @Singleton
  Bus bus(
      Validator validator,
      BusMonitor monitor,
      UnitOfWork unitOfWork,
      Outbox outbox,
      IdempotencyStore idempotencyStore,
      AuditTrail auditTrail,
      Clock clock,
      Instance<HandlerModule> modules) {
    HandlerRegistry registry = new HandlerRegistry();
    for (HandlerModule module : modules) {
      module.register(registry);
    }
    return Pipelines.bus(
        registry,
        new Pipelines.Parts(
            validator,
            monitor,
            unitOfWork,
            outbox::committed,
            idempotencyStore,
            auditTrail,
            clock));
  }
}
