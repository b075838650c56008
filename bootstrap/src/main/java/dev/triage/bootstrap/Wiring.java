package dev.triage.bootstrap;

import dev.triage.application.bus.Bus;
import dev.triage.application.bus.Decorator;
import dev.triage.application.bus.HandlerRegistry;
import dev.triage.application.bus.LoggingDecorator;
import dev.triage.application.bus.ReadSessionDecorator;
import dev.triage.application.bus.TransactionDecorator;
import dev.triage.application.bus.ValidationDecorator;
import dev.triage.application.port.BusMonitor;
import dev.triage.application.port.Tickets;
import dev.triage.application.port.UnitOfWork;
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
  Bus bus(
      Validator validator,
      BusMonitor monitor,
      UnitOfWork unitOfWork,
      Tickets tickets,
      Clock clock,
      @ConfigProperty(name = "triage.tickets.number-prefix") String numberPrefix) {
    SecureRandom random = new SecureRandom();
    HandlerRegistry registry =
        new HandlerRegistry()
            .register(
                CreateTicket.class, new CreateTicketHandler(tickets, clock, random, numberPrefix))
            .register(FindTicket.class, new FindTicketHandler(tickets));

    Decorator logging = new LoggingDecorator(monitor);
    Decorator validation = new ValidationDecorator(validator);
    List<Decorator> commands = List.of(logging, validation, new TransactionDecorator(unitOfWork));
    List<Decorator> queries = List.of(logging, validation, new ReadSessionDecorator(unitOfWork));
    return new Bus(registry, commands, queries);
  }
}
