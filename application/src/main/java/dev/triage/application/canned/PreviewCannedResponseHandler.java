package dev.triage.application.canned;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Accounts;
import dev.triage.application.port.CannedResponses;
import dev.triage.application.port.TextTemplates;
import dev.triage.application.ticket.TicketLookup;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;

/**
 * Renders a response the caller may see for a ticket the caller may see (else not found), with the
 * ticket's requester and the caller as the agent.
 */
public record PreviewCannedResponseHandler(
    CannedResponses responses, TicketLookup lookup, Accounts accounts, TextTemplates templates)
    implements Handler<PreviewCannedResponse, PreviewCannedResponse.Rendered> {

  @Override
  public Uni<Result<PreviewCannedResponse.Rendered>> handle(
      PreviewCannedResponse query, RequestContext context) {
    return Results.then(
        CannedFields.find(query.responseId(), context.actor(), responses::find),
        response ->
            lookup.findStored(
                query.ticketId() == null ? "" : query.ticketId(),
                context,
                stored ->
                    accounts
                        .byId(stored.ticket().requesterId())
                        .flatMap(
                            requester ->
                                accounts
                                    .byId(context.actor().id())
                                    .map(
                                        agent ->
                                            new PreviewCannedResponse.Rendered(
                                                templates.render(
                                                    response.body(),
                                                    Placeholders.values(
                                                        stored.ticket(), requester, agent)))))));
  }
}
