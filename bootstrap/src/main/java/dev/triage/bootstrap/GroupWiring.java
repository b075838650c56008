package dev.triage.bootstrap;

import dev.triage.application.group.ChangeGroup;
import dev.triage.application.group.ChangeGroupHandler;
import dev.triage.application.group.CreateGroup;
import dev.triage.application.group.CreateGroupHandler;
import dev.triage.application.group.DeleteGroup;
import dev.triage.application.group.DeleteGroupHandler;
import dev.triage.application.group.FindGroup;
import dev.triage.application.group.FindGroupHandler;
import dev.triage.application.group.ListGroups;
import dev.triage.application.group.ListGroupsHandler;
import dev.triage.application.port.Accounts;
import dev.triage.application.port.Groups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;

/** The groups' use cases, bound to their ports and registered with the bus. */
@ApplicationScoped
public class GroupWiring {

  @Produces
  @Singleton
  HandlerModule groups(Groups groups, Accounts accounts, SecureRandom random, Clock clock) {
    return registry ->
        registry
            .register(CreateGroup.class, new CreateGroupHandler(groups, accounts, clock, random))
            .register(ChangeGroup.class, new ChangeGroupHandler(groups, accounts, clock))
            .register(DeleteGroup.class, new DeleteGroupHandler(groups))
            .register(FindGroup.class, new FindGroupHandler(groups))
            .register(ListGroups.class, new ListGroupsHandler(groups));
  }
}
