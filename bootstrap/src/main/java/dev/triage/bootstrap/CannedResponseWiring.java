package dev.triage.bootstrap;

import dev.triage.application.canned.ChangeCannedResponse;
import dev.triage.application.canned.ChangeCannedResponseHandler;
import dev.triage.application.canned.CreateCannedResponse;
import dev.triage.application.canned.CreateCannedResponseHandler;
import dev.triage.application.canned.DeleteCannedResponse;
import dev.triage.application.canned.DeleteCannedResponseHandler;
import dev.triage.application.canned.FindCannedResponse;
import dev.triage.application.canned.FindCannedResponseHandler;
import dev.triage.application.canned.ListCannedResponses;
import dev.triage.application.canned.ListCannedResponsesHandler;
import dev.triage.application.canned.PreviewCannedResponse;
import dev.triage.application.canned.PreviewCannedResponseHandler;
import dev.triage.application.port.Accounts;
import dev.triage.application.port.CannedResponses;
import dev.triage.application.port.TextTemplates;
import dev.triage.application.ticket.TicketLookup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;

/** Canned responses' use cases, bound to their ports and registered with the bus. */
@ApplicationScoped
public class CannedResponseWiring {

  @Produces
  @Singleton
  HandlerModule cannedResponses(
      CannedResponses responses,
      TextTemplates templates,
      TicketLookup lookup,
      Accounts accounts,
      SecureRandom random,
      Clock clock) {
    return registry ->
        registry
            .register(
                CreateCannedResponse.class,
                new CreateCannedResponseHandler(responses, templates, clock, random))
            .register(
                ChangeCannedResponse.class,
                new ChangeCannedResponseHandler(responses, templates, clock))
            .register(DeleteCannedResponse.class, new DeleteCannedResponseHandler(responses))
            .register(FindCannedResponse.class, new FindCannedResponseHandler(responses))
            .register(ListCannedResponses.class, new ListCannedResponsesHandler(responses))
            .register(
                PreviewCannedResponse.class,
                new PreviewCannedResponseHandler(responses, lookup, accounts, templates));
  }
}
