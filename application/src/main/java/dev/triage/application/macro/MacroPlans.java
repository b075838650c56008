package dev.triage.application.macro;

import dev.triage.application.canned.Placeholders;
import dev.triage.application.port.Accounts;
import dev.triage.application.port.CurrentSettings;
import dev.triage.application.port.Macros;
import dev.triage.application.port.TextTemplates;
import dev.triage.application.port.TicketFieldCatalogue;
import dev.triage.application.ticket.TicketGroups;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Assignee;
import dev.triage.domain.ticket.Category;
import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.FieldDefinition;
import dev.triage.domain.ticket.FieldValues;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.Tags;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketActions;
import dev.triage.domain.ticket.TicketRules;
import dev.triage.domain.user.Account;
import dev.triage.domain.user.Actor;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Turns a stored macro into the {@link TicketActions} it asks of one ticket, applied by one actor:
 * the group, category and custom fields it names are checked again (they may have been retired
 * since it was saved: a refusal names the action), the assignee is looked up with their groups
 * ({@code me}: the actor), the reply or note is rendered for the ticket, its requester and the
 * actor. The ticket's own rules are the domain's to run.
 */
public final class MacroPlans {

  /** The actions and the lifecycle rules in force. */
  public record Plan(TicketActions actions, TicketRules rules) {}

  private final MacroChecks checks;
  private final TicketGroups groups;
  private final Accounts accounts;
  private final TextTemplates templates;
  private final TicketFieldCatalogue fields;
  private final CurrentSettings settings;
  private final TicketRules rules;
  private final RandomGenerator random;

  public MacroPlans(
      MacroChecks checks,
      TicketGroups groups,
      Accounts accounts,
      TextTemplates templates,
      TicketFieldCatalogue fields,
      CurrentSettings settings,
      TicketRules rules,
      RandomGenerator random) {
    this.checks = checks;
    this.groups = groups;
    this.accounts = accounts;
    this.templates = templates;
    this.fields = fields;
    this.settings = settings;
    this.rules = rules;
    this.random = random;
  }

  /** The plan of {@code macro} for {@code ticket} by {@code actor} at {@code now}, or why not. */
  public Uni<Result<Plan>> plan(Macros.Stored macro, Ticket ticket, Actor actor, Instant now) {
    List<MacroAction> actions = macro.actions();
    // One after the other: the command's reads share one database session.
    return checks
        .resolve(actions, actor)
        .flatMap(
            resolved ->
                fields
                    .definitions()
                    .flatMap(
                        catalogue ->
                            assignee(actions, actor)
                                .flatMap(
                                    assignee ->
                                        people(ticket, actor)
                                            .flatMap(
                                                people ->
                                                    settings
                                                        .get()
                                                        .map(
                                                            current ->
                                                                build(
                                                                        actions, resolved,
                                                                        catalogue, assignee, people,
                                                                        actor, now)
                                                                    .map(
                                                                        a ->
                                                                            new Plan(
                                                                                a,
                                                                                current.ticketRules(
                                                                                    rules))))))));
  }

  /** The ticket's requester and the actor, as the placeholders name them. */
  private record People(Optional<Account> requester, Optional<Account> agent) {}

  private Uni<People> people(Ticket ticket, Actor actor) {
    return accounts
        .byId(ticket.requesterId())
        .flatMap(requester -> accounts.byId(actor.id()).map(agent -> new People(requester, agent)));
  }

  private Result<TicketActions> build(
      List<MacroAction> actions,
      Map<String, Result<Object>> resolved,
      Map<String, FieldDefinition> catalogue,
      Result<Optional<Assignee>> assignee,
      People people,
      Actor actor,
      Instant now) {
    TicketActions plan = TicketActions.none();
    for (MacroAction a : actions) {
      Object v = a.value();
      TicketActions so = plan;
      Result<TicketActions> next =
          switch (a.type()) {
            case MacroAction.STATUS -> Status.parse(String.valueOf(v)).map(so::withStatus);
            case MacroAction.PRIORITY -> Priority.parse(String.valueOf(v)).map(so::withPriority);
            case MacroAction.GROUP ->
                v == null
                    ? Result.ok(so.withGroup(Optional.empty()))
                    : resolved
                        .get(MacroAction.GROUP)
                        .map(g -> so.withGroup(Optional.of(UUID.fromString((String) g))));
            case MacroAction.CATEGORY ->
                v == null
                    ? Result.ok(so.withCategory(Optional.empty()))
                    : resolved
                        .get(MacroAction.CATEGORY)
                        .map(c -> so.withCategory(Optional.of(new Category((String) c))));
            case MacroAction.ADD_TAGS -> tags(v).map(so::withAddedTags);
            case MacroAction.REMOVE_TAGS -> tags(v).map(t -> so.withRemovedTags(t.values()));
            case MacroAction.FIELD ->
                v instanceof Map<?, ?> values
                    ? FieldValues.accept(actor, catalogue, MacroChecks.stringKeys(values), false)
                        .map(
                            accepted ->
                                so.withFields(
                                    accepted,
                                    k ->
                                        catalogue.containsKey(k)
                                            && !catalogue.get(k).visibleToCustomers()))
                    : Result.invalid(MacroAction.FIELD, "must be an object of field values");
            case MacroAction.ASSIGNEE -> assignee.map(so::withAssignee);
            case MacroAction.REPLY, MacroAction.NOTE -> {
              String text = String.valueOf(v);
              yield Result.ok(
                  so.withComment(
                      new TicketActions.Draft(
                          CommentId.newId(now, random),
                          a.type().equals(MacroAction.NOTE),
                          t ->
                              templates.render(
                                  text,
                                  Placeholders.values(t, people.requester(), people.agent())))));
            }
            default -> Result.invalid("actions", "unknown action " + a.type());
          };
      if (next instanceof Result.Err<TicketActions> err) {
        return TicketActions.named(a.type(), err);
      }
      plan = next.orElseThrow();
    }
    return Result.ok(plan);
  }

  @SuppressWarnings("unchecked")
  private static Result<Tags> tags(Object v) {
    return v instanceof List<?> list
        ? Tags.of((List<String>) list)
        : Result.invalid("tags", "must be a list of tags");
  }

  /** The assignee the macro names: none named; unassign; the actor ({@code me}); a user. */
  private Uni<Result<Optional<Assignee>>> assignee(List<MacroAction> actions, Actor actor) {
    Optional<MacroAction> named =
        actions.stream().filter(a -> a.type().equals(MacroAction.ASSIGNEE)).findFirst();
    if (named.isEmpty() || named.get().value() == null) {
      return Uni.createFrom().item(Result.ok(Optional.empty()));
    }
    String raw = (String) named.get().value();
    String id = raw.equals(MacroAction.ME) ? actor.id().value().toString() : raw;
    return groups.assignee(id);
  }
}
