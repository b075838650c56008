package dev.triage.bootstrap;

import dev.triage.application.field.ChangeTicketField;
import dev.triage.application.field.CreateTicketField;
import dev.triage.application.field.FindTicketField;
import dev.triage.application.field.ListTicketFields;
import dev.triage.application.field.TicketFieldHandlers;
import dev.triage.application.port.TicketFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;

/** The custom field catalogue's use cases (ADR 20), bound to their port and registered. */
@ApplicationScoped
public class TicketFieldWiring {

  @Produces
  @Singleton
  HandlerModule ticketFields(TicketFields fields, SecureRandom random, Clock clock) {
    return registry ->
        registry
            .register(CreateTicketField.class, TicketFieldHandlers.create(fields, clock, random))
            .register(ChangeTicketField.class, TicketFieldHandlers.change(fields, clock))
            .register(FindTicketField.class, TicketFieldHandlers.find(fields))
            .register(ListTicketFields.class, TicketFieldHandlers.list(fields));
  }
}
