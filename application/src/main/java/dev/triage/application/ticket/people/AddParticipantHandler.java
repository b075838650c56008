package dev.triage.application.ticket.people;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Accounts;
import dev.triage.application.ticket.TicketView;
import dev.triage.application.ticket.change.TicketUpdates;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Participants;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.user.Account;
import dev.triage.domain.user.DisplayName;
import dev.triage.domain.user.Email;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * Adds a CC or follower (a {@code ParticipantAdded} event). The ticket is loaded, locked and
 * checked first, so nobody learns of accounts, or makes one, through a ticket they may not change.
 * A CC is an active customer account, named by {@code userId} or by {@code email}: an e-mail no
 * account has makes a customer account without a password (it cannot sign in until a password is
 * set); a follower is an active agent or admin.
 */
public final class AddParticipantHandler implements Handler<AddParticipant, TicketView> {

  /** The password hash of an account made for a CC: no password verifies against it. */
  static final String NO_PASSWORD = "!";

  private final TicketUpdates updates;
  private final Accounts accounts;
  private final Clock clock;
  private final RandomGenerator random;

  public AddParticipantHandler(
      TicketUpdates updates, Accounts accounts, Clock clock, RandomGenerator random) {
    this.updates = updates;
    this.accounts = accounts;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public Uni<Result<TicketView>> handle(AddParticipant c, RequestContext context) {
    boolean byId = c.userId() != null;
    boolean byEmail = c.email() != null;
    if (byId == byEmail) {
      return Uni.createFrom()
          .item(
              Result.invalid(
                  byId ? "email" : "userId",
                  c.kind() == Participants.Kind.CC
                      ? "send either userId or email (with displayName)"
                      : "is required"));
    }
    if (byEmail && c.kind() == Participants.Kind.FOLLOWER) {
      return Uni.createFrom().item(Result.invalid("email", "followers are named by userId"));
    }
    return Results.then(
        updates.load(c.ticket(), c.ifMatch(), context),
        ticket ->
            Results.then(
                ticket.checkAddParticipant(context.actor(), c.kind()),
                checked ->
                    Results.then(
                        byId ? byId(c) : byEmail(c),
                        user -> add(ticket, c.kind(), user, context))));
  }

  private Uni<Result<TicketView>> add(
      Ticket ticket, Participants.Kind kind, UserId user, RequestContext context) {
    return Results.then(
        ticket.addParticipant(context.actor(), kind, user, updates.now()),
        change -> updates.save(ticket, change, context));
  }

  private Uni<Result<UserId>> byId(AddParticipant c) {
    Result<UserId> parsed = UserId.parse(c.userId());
    if (parsed instanceof Result.Err<UserId>) {
      return Uni.createFrom().item(Result.invalid("userId", "must be a user id"));
    }
    return accounts
        .byId(parsed.orElseThrow())
        .map(
            found ->
                found
                    .filter(a -> a.active() && fits(c.kind(), a.role()))
                    .map(a -> Result.ok(a.id()))
                    .orElseGet(
                        () ->
                            Result.invalid(
                                "userId",
                                c.kind() == Participants.Kind.CC
                                    ? "must name an active customer account"
                                    : "must name an active agent or admin")));
  }

  private Uni<Result<UserId>> byEmail(AddParticipant c) {
    Result<Email> email = Email.of(c.email());
    if (email instanceof Result.Err<Email> bad) {
      return Uni.createFrom().item(bad.<UserId>cast());
    }
    return accounts
        .byEmail(email.orElseThrow())
        .flatMap(
            found -> {
              if (found.isPresent()) {
                Account a = found.get();
                return Uni.createFrom()
                    .item(
                        a.active() && a.role() == Role.CUSTOMER
                            ? Result.ok(a.id())
                            : Result.<UserId>invalid(
                                "email",
                                "must be a customer's e-mail (or one without an account)"));
              }
              Result<DisplayName> name =
                  DisplayName.of(c.displayName() == null ? "" : c.displayName());
              if (name instanceof Result.Err<DisplayName>) {
                return Uni.createFrom()
                    .item(
                        Result.<UserId>invalid(
                            "displayName", "is required for an e-mail without an account"));
              }
              var now = clock.instant();
              Account made =
                  Account.register(
                          UserId.newId(now, random),
                          email.orElseThrow(),
                          name.orElseThrow(),
                          NO_PASSWORD,
                          now)
                      .account();
              return accounts
                  .add(made)
                  .flatMap(
                      added ->
                          added
                              ? Uni.createFrom().item(Result.ok(made.id()))
                              // made meanwhile by someone else: use that one
                              : accounts
                                  .byEmail(email.orElseThrow())
                                  .map(
                                      again ->
                                          again
                                              .filter(a -> a.role() == Role.CUSTOMER)
                                              .map(a -> Result.ok(a.id()))
                                              .orElseGet(
                                                  () ->
                                                      Result.invalid(
                                                          "email",
                                                          "must be a customer's e-mail"))));
            });
  }

  private static boolean fits(Participants.Kind kind, Role role) {
    return kind == Participants.Kind.CC ? role == Role.CUSTOMER : role.isStaff();
  }
}
