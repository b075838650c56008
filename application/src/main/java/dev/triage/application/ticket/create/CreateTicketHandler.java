package dev.triage.application.ticket.create;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Categories;
import dev.triage.application.port.CategoryCatalogue;
import dev.triage.application.port.CurrentSettings;
import dev.triage.application.port.Outbox;
import dev.triage.application.port.TicketFieldCatalogue;
import dev.triage.application.port.TicketMetrics;
import dev.triage.application.port.Tickets;
import dev.triage.application.sla.SlaClocks;
import dev.triage.application.ticket.FieldErrors;
import dev.triage.application.ticket.NewTickets;
import dev.triage.application.ticket.TicketCategories;
import dev.triage.application.ticket.TicketGroups;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.settings.RuntimeSettings;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Category;
import dev.triage.domain.ticket.Channel;
import dev.triage.domain.ticket.Description;
import dev.triage.domain.ticket.FieldDefinition;
import dev.triage.domain.ticket.FieldValues;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Tags;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import dev.triage.domain.ticket.Title;
import dev.triage.domain.user.Actor;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Opens a ticket: checks its fields, takes a number from the sequence, and stores it. A category
 * must name an active entry of the catalogue (in any case) and is stored as the catalogue spells
 * it. A ticket opened without a priority gets its category's default priority, else the runtime
 * settings' default; a customer may choose only the priorities the settings allow them (staff may
 * choose any). A ticket opened without a group (only staff name one) goes to its category's default
 * group, if any.
 */
public final class CreateTicketHandler implements Handler<CreateTicket, TicketView> {

  private final NewTickets tickets;
  private final Clock clock;
  private final TicketMetrics metrics;
  private final CurrentSettings settings;
  private final CategoryCatalogue categories;
  private final TicketFieldCatalogue fields;
  private final TicketGroups groups;
  private final Requesters requesters;

  /** Without custom fields or groups. */
  public CreateTicketHandler(
      Tickets tickets,
      Clock clock,
      RandomGenerator random,
      String numberPrefix,
      SlaClocks sla,
      TicketMetrics metrics,
      Outbox outbox,
      CurrentSettings settings,
      CategoryCatalogue categories) {
    this(
        tickets,
        clock,
        random,
        numberPrefix,
        sla,
        metrics,
        outbox,
        settings,
        categories,
        TicketFieldCatalogue.NONE,
        TicketGroups.NONE);
  }

  /** Checks custom field values against {@code fields} (ADR 20); without groups. */
  public CreateTicketHandler(
      Tickets tickets,
      Clock clock,
      RandomGenerator random,
      String numberPrefix,
      SlaClocks sla,
      TicketMetrics metrics,
      Outbox outbox,
      CurrentSettings settings,
      CategoryCatalogue categories,
      TicketFieldCatalogue fields) {
    this(
        tickets,
        clock,
        random,
        numberPrefix,
        sla,
        metrics,
        outbox,
        settings,
        categories,
        fields,
        TicketGroups.NONE);
  }

  /** Without custom fields. */
  public CreateTicketHandler(
      Tickets tickets,
      Clock clock,
      RandomGenerator random,
      String numberPrefix,
      SlaClocks sla,
      TicketMetrics metrics,
      Outbox outbox,
      CurrentSettings settings,
      CategoryCatalogue categories,
      TicketGroups groups) {
    this(
        tickets,
        clock,
        random,
        numberPrefix,
        sla,
        metrics,
        outbox,
        settings,
        categories,
        TicketFieldCatalogue.NONE,
        groups);
  }

  /**
   * Checks custom field values against {@code fields} (ADR 20) and named groups against {@code
   * groups}; staff do not open tickets on someone else's behalf.
   */
  public CreateTicketHandler(
      Tickets tickets,
      Clock clock,
      RandomGenerator random,
      String numberPrefix,
      SlaClocks sla,
      TicketMetrics metrics,
      Outbox outbox,
      CurrentSettings settings,
      CategoryCatalogue categories,
      TicketFieldCatalogue fields,
      TicketGroups groups) {
    this(
        tickets,
        clock,
        random,
        numberPrefix,
        sla,
        metrics,
        outbox,
        settings,
        categories,
        fields,
        groups,
        Requesters.NONE);
  }

  /**
   * Checks custom field values against {@code fields} (ADR 20) and named groups against {@code
   * groups}; staff open tickets for the customers {@code requesters} finds or makes (ADR 22).
   */
  public CreateTicketHandler(
      Tickets tickets,
      Clock clock,
      RandomGenerator random,
      String numberPrefix,
      SlaClocks sla,
      TicketMetrics metrics,
      Outbox outbox,
      CurrentSettings settings,
      CategoryCatalogue categories,
      TicketFieldCatalogue fields,
      TicketGroups groups,
      Requesters requesters) {
    this.requesters = requesters;
    this.fields = fields;
    this.tickets = new NewTickets(tickets, outbox, sla, random, numberPrefix);
    this.groups = groups;
    this.clock = clock;
    this.metrics = metrics;
    this.settings = settings;
    this.categories = categories;
  }

  @Override
  public Uni<Result<TicketView>> handle(CreateTicket command, RequestContext context) {
    boolean namesGroup = command.groupId() != null && !command.groupId().isEmpty();
    if (namesGroup && !context.actor().isStaff()) {
      return Uni.createFrom()
          .item(Result.err(ErrorCode.FORBIDDEN, "Only staff may choose a ticket's group."));
    }
    return requesters
        .of(command, context, clock.instant())
        .flatMap(
            requester ->
                requester instanceof Result.Ok<Actor> ok
                    ? open(command, ok.value(), context)
                    : Uni.createFrom().item(((Result.Err<Actor>) requester).<TicketView>cast()));
  }

  private Uni<Result<TicketView>> open(
      CreateTicket command, Actor requester, RequestContext context) {
    return settings
        .get()
        .flatMap(
            current ->
                TicketCategories.entry(categories, command.category())
                    .flatMap(
                        entry ->
                            fields
                                .definitions()
                                .flatMap(
                                    catalogue ->
                                        groups
                                            .existing(command.groupId(), "groupId")
                                            .flatMap(
                                                group ->
                                                    open(
                                                        command, requester, current, entry,
                                                        catalogue, group, context)))));
  }

  private Uni<Result<TicketView>> open(
      CreateTicket command,
      Actor requester,
      RuntimeSettings current,
      Optional<Categories.Stored> entry,
      Map<String, FieldDefinition> catalogue,
      Result<Optional<UUID>> named,
      RequestContext context) {
    FieldErrors errors = new FieldErrors();
    Optional<Optional<UUID>> chosenGroup = errors.take(named);
    Optional<Title> title = errors.take(Title.of(command.title()));
    Optional<Description> description = errors.take(Description.of(command.description()));
    Optional<Optional<Category>> category =
        command.category() == null
            ? Optional.of(Optional.empty())
            : errors.take(TicketCategories.catalogued(command.category(), entry).map(Optional::of));
    Optional<Tags> tags = errors.take(Tags.of(command.tags()));
    Optional<Channel> channel =
        command.channel() == null
            ? Optional.of(Channel.WEB)
            : errors.take(Channel.parse(command.channel(), "channel"));
    Optional<Priority> chosen = Optional.ofNullable(command.priority());
    Optional<Priority> categoryDefault =
        category.flatMap(c -> c).isPresent()
            ? entry.flatMap(Categories.Stored::defaultPriority)
            : Optional.empty();
    Optional<Priority> allowed =
        chosen.isEmpty() && categoryDefault.isPresent()
            ? categoryDefault
            : context.actor().isStaff()
                ? Optional.of(chosen.orElse(current.defaultPriority()))
                : errors.take(current.customerPriority(chosen));
    Optional<Map<String, Optional<Object>>> values =
        catalogue.isEmpty() && (command.fields() == null || command.fields().isEmpty())
            ? Optional.of(Map.of())
            : errors.take(FieldValues.accept(context.actor(), catalogue, command.fields(), true));
    if (errors.any()) {
      return Uni.createFrom().item(errors.rejection());
    }
    FieldValues initial = FieldValues.NONE.with(values.orElseThrow());
    Priority priority = allowed.orElseThrow();
    Optional<UUID> group =
        chosenGroup
            .flatMap(g -> g)
            .or(
                () ->
                    category.flatMap(c -> c).isPresent()
                        ? entry.flatMap(Categories.Stored::defaultGroupId)
                        : Optional.empty());
    Instant now = clock.instant();
    return tickets
        .open(
            now,
            context,
            (id, number) ->
                Ticket.openFor(
                        context.actor(),
                        requester,
                        channel.orElseThrow(),
                        id,
                        number,
                        title.orElseThrow(),
                        description.orElseThrow(),
                        priority,
                        category.orElseThrow(),
                        tags.orElseThrow(),
                        group,
                        now)
                    .map(
                        opened ->
                            initial.isEmpty()
                                ? opened
                                : new TicketChange(
                                    opened.ticket().withFieldValues(initial), opened.events())))
        .invoke(
            opened -> {
              if (opened instanceof Result.Ok<TicketView>) {
                metrics.created(priority);
              }
            });
  }
}
