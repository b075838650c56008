package dev.triage.application.ticket.change;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Accounts;
import dev.triage.application.ticket.TicketGroups;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Assignee;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;

/** Looks the assignee up, then lets the ticket decide whether the assignment is allowed. */
public final class AssignTicketHandler implements Handler<AssignTicket, TicketView> {

  private final TicketUpdates updates;
  private final Accounts accounts;
  private final TicketGroups groups;

  public AssignTicketHandler(TicketUpdates updates, Accounts accounts) {
    this(updates, accounts, TicketGroups.NONE);
  }

  /**
   * With {@code groups}, the assignee's groups are looked up: a ticket of a group needs a member.
   */
  public AssignTicketHandler(TicketUpdates updates, Accounts accounts, TicketGroups groups) {
    this.updates = updates;
    this.accounts = accounts;
    this.groups = groups;
  }

  @Override
  public Uni<Result<TicketView>> handle(AssignTicket c, RequestContext context) {
    if (!(UserId.parse(c.assigneeId()) instanceof Result.Ok<UserId> id)) {
      return Uni.createFrom().item(Result.invalid("assigneeId", "must be a user id (UUID)"));
    }
    return accounts
        .byId(id.value())
        .flatMap(
            account ->
                account.isEmpty()
                    ? Uni.createFrom()
                        .item(Result.<TicketView>invalid("assigneeId", "no such user"))
                    : groups
                        .groupsOf(id.value())
                        .flatMap(
                            in ->
                                updates.apply(
                                    c.ticket(),
                                    c.ifMatch(),
                                    context,
                                    (t, now) ->
                                        t.assign(
                                            context.actor(),
                                            new Assignee(
                                                account.get().id(),
                                                account.get().role(),
                                                account.get().active(),
                                                in),
                                            now))));
  }
}
