package dev.triage.application.ticket.change;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Categories;
import dev.triage.application.port.CategoryCatalogue;
import dev.triage.application.ticket.FieldErrors;
import dev.triage.application.ticket.TicketCategories;
import dev.triage.application.ticket.TicketGroups;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Assignee;
import dev.triage.domain.ticket.Description;
import dev.triage.domain.ticket.FieldValues;
import dev.triage.domain.ticket.Tags;
import dev.triage.domain.ticket.TicketEdit;
import dev.triage.domain.ticket.Title;
import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Applies an edit after checking each given field; a category must name an active entry of the
 * catalogue (in any case) and is stored as the catalogue spells it, and empty text removes it. A
 * group must exist (an unknown one names {@code groupId}); an assignee is looked up with their
 * groups, and the ticket decides whether they may take it in the group the edit leaves it in.
 */
public final class EditTicketHandler implements Handler<EditTicket, TicketView> {

  private final TicketUpdates updates;
  private final CategoryCatalogue categories;
  private final TicketGroups groups;

  public EditTicketHandler(TicketUpdates updates, CategoryCatalogue categories) {
    this(updates, categories, TicketGroups.NONE);
  }

  public EditTicketHandler(
      TicketUpdates updates, CategoryCatalogue categories, TicketGroups groups) {
    this.updates = updates;
    this.categories = categories;
    this.groups = groups;
  }

  @Override
  public Uni<Result<TicketView>> handle(EditTicket c, RequestContext context) {
    String category = c.category() == null || c.category().isEmpty() ? null : c.category();
    return TicketCategories.entry(categories, category)
        .flatMap(
            entry ->
                groups
                    .group(c.groupId())
                    .flatMap(
                        group ->
                            groups
                                .assignee(c.assigneeId())
                                .flatMap(assignee -> edit(c, entry, group, assignee, context))));
  }

  private Uni<Result<TicketView>> edit(
      EditTicket c,
      Optional<Categories.Stored> entry,
      Result<Optional<Optional<UUID>>> group,
      Result<Optional<Assignee>> assignee,
      RequestContext context) {
    FieldErrors errors = new FieldErrors();
    TicketEdit edit = TicketEdit.none();
    Optional<Optional<UUID>> newGroup = errors.take(group).flatMap(g -> g);
    if (newGroup.isPresent()) {
      edit = edit.withGroup(newGroup.get());
    }
    Optional<Assignee> newAssignee = errors.take(assignee).flatMap(a -> a);
    if (newAssignee.isPresent()) {
      edit = edit.withAssignee(newAssignee.get());
    }
    if (c.title() != null) {
      edit = errors.take(Title.of(c.title())).map(edit::withTitle).orElse(edit);
    }
    if (c.description() != null) {
      edit = errors.take(Description.of(c.description())).map(edit::withDescription).orElse(edit);
    }
    if (c.category() != null) {
      edit =
          c.category().isEmpty()
              ? edit.withoutCategory()
              : errors
                  .take(TicketCategories.catalogued(c.category(), entry))
                  .map(edit::withCategory)
                  .orElse(edit);
    }
    if (c.tags() != null) {
      edit = errors.take(Tags.of(c.tags())).map(edit::withTags).orElse(edit);
    }
    if (c.priority() != null) {
      edit = edit.withPriority(c.priority());
    }
    if (errors.any()) {
      return Uni.createFrom().item(errors.rejection());
    }
    TicketEdit finalEdit = edit;
    if (c.fields() == null || c.fields().isEmpty()) {
      return updates.apply(
          c.ticket(), c.ifMatch(), context, (t, now) -> t.edit(context.actor(), finalEdit, now));
    }
    boolean fieldsOnly = finalEdit.equals(TicketEdit.none());
    return updates
        .fields()
        .definitions()
        .flatMap(
            catalogue -> {
              Result<Map<String, Optional<Object>>> accepted =
                  FieldValues.accept(context.actor(), catalogue, c.fields(), false);
              if (!(accepted instanceof Result.Ok<Map<String, Optional<Object>>> ok)) {
                return Uni.createFrom()
                    .item(
                        ((Result.Err<Map<String, Optional<Object>>>) accepted).<TicketView>cast());
              }
              Predicate<String> staffOnly =
                  k -> catalogue.containsKey(k) && !catalogue.get(k).visibleToCustomers();
              return updates.apply(
                  c.ticket(),
                  c.ifMatch(),
                  context,
                  (t, now) ->
                      fieldsOnly
                          ? t.changeFields(context.actor(), ok.value(), staffOnly, now)
                          : t.edit(context.actor(), finalEdit, ok.value(), staffOnly, now));
            });
  }
}
