package dev.triage.bootstrap;

import dev.triage.application.macro.ApplyMacro;
import dev.triage.application.macro.ApplyMacroHandler;
import dev.triage.application.macro.ChangeMacro;
import dev.triage.application.macro.ChangeMacroHandler;
import dev.triage.application.macro.CreateMacro;
import dev.triage.application.macro.CreateMacroHandler;
import dev.triage.application.macro.DeleteMacro;
import dev.triage.application.macro.DeleteMacroHandler;
import dev.triage.application.macro.DryRunMacro;
import dev.triage.application.macro.DryRunMacroHandler;
import dev.triage.application.macro.FindMacro;
import dev.triage.application.macro.FindMacroHandler;
import dev.triage.application.macro.ListMacros;
import dev.triage.application.macro.ListMacrosHandler;
import dev.triage.application.macro.MacroChecks;
import dev.triage.application.macro.MacroPlans;
import dev.triage.application.port.Accounts;
import dev.triage.application.port.Categories;
import dev.triage.application.port.CurrentSettings;
import dev.triage.application.port.Groups;
import dev.triage.application.port.Macros;
import dev.triage.application.port.TextTemplates;
import dev.triage.application.port.TicketFields;
import dev.triage.application.sla.SlaClocks;
import dev.triage.application.ticket.TicketGroups;
import dev.triage.application.ticket.TicketLookup;
import dev.triage.application.ticket.change.TicketUpdates;
import dev.triage.domain.ticket.TicketRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;

/** Macros' use cases, bound to their ports and registered with the bus. */
@ApplicationScoped
public class MacroWiring {

  @Produces
  @Singleton
  HandlerModule macros(
      Macros macros,
      TextTemplates templates,
      Groups groupStore,
      Accounts accounts,
      Categories categories,
      TicketFields fields,
      CurrentSettings settings,
      TicketRules rules,
      TicketUpdates updates,
      TicketLookup lookup,
      SlaClocks sla,
      SecureRandom random,
      Clock clock) {
    TicketGroups groups = new TicketGroups(groupStore, accounts);
    MacroChecks checks = new MacroChecks(templates, groups, categories, fields);
    MacroPlans plans =
        new MacroPlans(checks, groups, accounts, templates, fields, settings, rules, random);
    return registry ->
        registry
            .register(CreateMacro.class, new CreateMacroHandler(macros, checks, clock, random))
            .register(ChangeMacro.class, new ChangeMacroHandler(macros, checks, clock))
            .register(DeleteMacro.class, new DeleteMacroHandler(macros))
            .register(FindMacro.class, new FindMacroHandler(macros))
            .register(ListMacros.class, new ListMacrosHandler(macros))
            .register(ApplyMacro.class, new ApplyMacroHandler(macros, plans, updates))
            .register(
                DryRunMacro.class,
                new DryRunMacroHandler(macros, plans, lookup, sla, fields, clock));
  }
}
