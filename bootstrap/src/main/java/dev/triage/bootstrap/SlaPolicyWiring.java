package dev.triage.bootstrap;

import dev.triage.application.port.Calendars;
import dev.triage.application.port.SlaPolicies;
import dev.triage.application.port.Tickets;
import dev.triage.application.sla.SlaClocks;
import dev.triage.application.slapolicy.ChangeSlaPolicy;
import dev.triage.application.slapolicy.ChangeSlaPolicyHandler;
import dev.triage.application.slapolicy.CreateSlaPolicy;
import dev.triage.application.slapolicy.CreateSlaPolicyHandler;
import dev.triage.application.slapolicy.DeleteSlaPolicy;
import dev.triage.application.slapolicy.DeleteSlaPolicyHandler;
import dev.triage.application.slapolicy.FindSlaPolicy;
import dev.triage.application.slapolicy.FindSlaPolicyHandler;
import dev.triage.application.slapolicy.ListSlaPolicies;
import dev.triage.application.slapolicy.ListSlaPoliciesHandler;
import dev.triage.application.slapolicy.ReapplySlaPolicies;
import dev.triage.application.slapolicy.ReapplySlaPoliciesHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;

/** The SLA policy use cases, bound to their ports and registered with the bus. */
@ApplicationScoped
public class SlaPolicyWiring {

  @Produces
  @Singleton
  HandlerModule slaPolicies(
      SlaPolicies policies,
      Calendars calendars,
      Tickets tickets,
      SlaClocks clocks,
      SecureRandom random,
      Clock clock) {
    return registry ->
        registry
            .register(
                CreateSlaPolicy.class,
                new CreateSlaPolicyHandler(policies, calendars, clock, random))
            .register(
                ChangeSlaPolicy.class,
                new ChangeSlaPolicyHandler(policies, calendars, clock, random))
            .register(DeleteSlaPolicy.class, new DeleteSlaPolicyHandler(policies, clock))
            .register(FindSlaPolicy.class, new FindSlaPolicyHandler(policies))
            .register(ListSlaPolicies.class, new ListSlaPoliciesHandler(policies))
            .register(
                ReapplySlaPolicies.class, new ReapplySlaPoliciesHandler(tickets, clocks, clock));
  }
}
