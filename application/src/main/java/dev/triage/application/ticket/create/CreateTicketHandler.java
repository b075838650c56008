package dev.triage.application.ticket.create;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Outbox;
import dev.triage.application.port.TicketMetrics;
import dev.triage.application.port.Tickets;
import dev.triage.application.ticket.FieldErrors;
import dev.triage.application.ticket.SlaSettings;
import dev.triage.application.ticket.TicketAuditState;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.shared.Result;
import dev.triage.domain.sla.SlaStatus;
import dev.triage.domain.ticket.Category;
import dev.triage.domain.ticket.Description;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Tags;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.TicketNumber;
import dev.triage.domain.ticket.Title;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Opens a ticket: checks its fields, takes a number from the sequence, and stores it. */
public final class CreateTicketHandler implements Handler<CreateTicket, TicketView> {

  private final Tickets tickets;
  private final Clock clock;
  private final RandomGenerator random;
  private final String numberPrefix;
  private final SlaSettings sla;
  private final TicketMetrics metrics;
  private final Outbox outbox;

  public CreateTicketHandler(
      Tickets tickets,
      Clock clock,
      RandomGenerator random,
      String numberPrefix,
      SlaSettings sla,
      TicketMetrics metrics,
      Outbox outbox) {
    this.tickets = tickets;
    this.outbox = outbox;
    this.metrics = metrics;
    this.sla = sla;
    this.clock = clock;
    this.random = random;
    this.numberPrefix = numberPrefix;
  }

  @Override
  public Uni<Result<TicketView>> handle(CreateTicket command, RequestContext context) {
    FieldErrors errors = new FieldErrors();
    Optional<Title> title = errors.take(Title.of(command.title()));
    Optional<Description> description = errors.take(Description.of(command.description()));
    Optional<Optional<Category>> category =
        command.category() == null
            ? Optional.of(Optional.empty())
            : errors.take(Category.of(command.category()).map(Optional::of));
    Optional<Tags> tags = errors.take(Tags.of(command.tags()));
    if (errors.any()) {
      return Uni.createFrom().item(errors.rejection());
    }
    Priority priority =
        command.priority() == null ? Priority.defaultPriority() : command.priority();
    Instant now = clock.instant();
    return tickets
        .nextNumber()
        .flatMap(
            sequence -> {
              TicketNumber number =
                  TicketNumber.of(numberPrefix, now.atZone(ZoneOffset.UTC).getYear(), sequence);
              Result<TicketChange> opened =
                  Ticket.open(
                      TicketId.newId(now, random),
                      number,
                      context.actor(),
                      title.orElseThrow(),
                      description.orElseThrow(),
                      priority,
                      category.orElseThrow(),
                      tags.orElseThrow(),
                      now);
              return Results.then(
                  opened,
                  created -> {
                    Ticket ticket = created.ticket();
                    SlaStatus clocks = sla.evaluate(ticket, now);
                    context
                        .effects()
                        .changed(
                            "Ticket", ticket.id().toString(), null, TicketAuditState.of(ticket));
                    return tickets
                        .add(ticket, clocks)
                        .chain(() -> outbox.append(created.events(), context))
                        .invoke(() -> metrics.created(priority))
                        .map(ignored -> Result.ok(TicketView.of(ticket, clocks)));
                  });
            });
  }
}
