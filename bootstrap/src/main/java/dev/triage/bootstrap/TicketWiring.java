package dev.triage.bootstrap;

import dev.triage.application.attachment.AttachingComments;
import dev.triage.application.attachment.AttachingTickets;
import dev.triage.application.attachment.AttachmentClaims;
import dev.triage.application.attachment.ErasingRedactions;
import dev.triage.application.port.Accounts;
import dev.triage.application.port.AttachmentStore;
import dev.triage.application.port.Attachments;
import dev.triage.application.port.Categories;
import dev.triage.application.port.CurrentSettings;
import dev.triage.application.port.Groups;
import dev.triage.application.port.Outbox;
import dev.triage.application.port.RateLimits;
import dev.triage.application.port.TicketFields;
import dev.triage.application.port.TicketMetrics;
import dev.triage.application.port.TicketSplits;
import dev.triage.application.port.Tickets;
import dev.triage.application.sla.SlaClocks;
import dev.triage.application.tag.RenameTag;
import dev.triage.application.tag.RenameTagHandler;
import dev.triage.application.ticket.TicketGroups;
import dev.triage.application.ticket.TicketLookup;
import dev.triage.application.ticket.change.AddComment;
import dev.triage.application.ticket.change.AddCommentHandler;
import dev.triage.application.ticket.change.AddTags;
import dev.triage.application.ticket.change.AddTagsHandler;
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
import dev.triage.application.ticket.change.LockFields;
import dev.triage.application.ticket.change.LockFieldsHandler;
import dev.triage.application.ticket.change.RedactComment;
import dev.triage.application.ticket.change.RedactCommentHandler;
import dev.triage.application.ticket.change.RemoveTag;
import dev.triage.application.ticket.change.RemoveTagHandler;
import dev.triage.application.ticket.change.ReopenTicket;
import dev.triage.application.ticket.change.ReopenTicketHandler;
import dev.triage.application.ticket.change.TicketUpdates;
import dev.triage.application.ticket.change.UnassignTicket;
import dev.triage.application.ticket.change.UnassignTicketHandler;
import dev.triage.application.ticket.change.UnlockField;
import dev.triage.application.ticket.change.UnlockFieldHandler;
import dev.triage.application.ticket.create.CreateTicket;
import dev.triage.application.ticket.create.CreateTicketHandler;
import dev.triage.application.ticket.create.Requesters;
import dev.triage.application.ticket.find.ExplainSla;
import dev.triage.application.ticket.find.ExplainSlaHandler;
import dev.triage.application.ticket.find.FindTicket;
import dev.triage.application.ticket.find.FindTicketHandler;
import dev.triage.application.ticket.split.SplitMarkedRedactions;
import dev.triage.domain.ticket.TicketRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The ticket commands and the reads of one ticket, bound to their ports; a comment and a new ticket
 * claim the files they name, a redaction erases its comment's files (ADR 29).
 */
@ApplicationScoped
public class TicketWiring {

  @Produces
  @Singleton
  HandlerModule tickets(
      Tickets tickets,
      TicketUpdates updates,
      TicketLookup lookup,
      TicketRules rules,
      SlaClocks sla,
      TicketMetrics metrics,
      Outbox outbox,
      Accounts accounts,
      RateLimits rateLimits,
      CurrentSettings settings,
      Categories categories,
      TicketFields fields,
      Groups groupStore,
      SecureRandom random,
      Clock clock,
      @ConfigProperty(name = "triage.tickets.number-prefix") String numberPrefix,
      AttachmentClaims claims,
      Attachments attachments,
      AttachmentStore attachmentStore,
      TicketSplits splits) {
    TicketGroups groups = new TicketGroups(groupStore, accounts);
    return registry -> {
      registry
          .register(
              CreateTicket.class,
              new AttachingTickets(
                  new CreateTicketHandler(
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
                      new Requesters(accounts, random)),
                  claims))
          .register(FindTicket.class, new FindTicketHandler(lookup, sla, clock, fields))
          .register(ExplainSla.class, new ExplainSlaHandler(lookup, sla.catalog(), clock))
          .register(EditTicket.class, new EditTicketHandler(updates, categories, groups))
          .register(ChangeStatus.class, new ChangeStatusHandler(updates, rules, settings))
          .register(CloseTicket.class, new CloseTicketHandler(updates, rules, settings))
          .register(ReopenTicket.class, new ReopenTicketHandler(updates))
          .register(EscalateTicket.class, new EscalateTicketHandler(updates))
          .register(AddTags.class, new AddTagsHandler(updates))
          .register(RemoveTag.class, new RemoveTagHandler(updates))
          .register(RenameTag.class, new RenameTagHandler(tickets))
          .register(LockFields.class, new LockFieldsHandler(updates))
          .register(UnlockField.class, new UnlockFieldHandler(updates))
          .register(AssignTicket.class, new AssignTicketHandler(updates, accounts, groups))
          .register(UnassignTicket.class, new UnassignTicketHandler(updates))
          .register(
              AddComment.class,
              new AttachingComments(
                  new AddCommentHandler(
                      updates, tickets, outbox, random, numberPrefix, sla, rateLimits),
                  claims))
          .register(
              RedactComment.class,
              new SplitMarkedRedactions(
                  new ErasingRedactions(
                      new RedactCommentHandler(updates, tickets, rules),
                      attachments,
                      attachmentStore,
                      clock),
                  splits));
    };
  }
}
