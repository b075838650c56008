package dev.triage.domain.testing;

import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Assignee;
import dev.triage.domain.ticket.Category;
import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.CommentOutcome;
import dev.triage.domain.ticket.Description;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.Tags;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.TicketNumber;
import dev.triage.domain.ticket.Title;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

/** Test data: the cast of actors and tickets brought into each status the legitimate way. */
public final class TicketMother {

  /** Monday 2 March 2026, 09:00 UTC. */
  public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  public static final Actor REQUESTER = actor(1, Role.CUSTOMER);
  public static final Actor OTHER_CUSTOMER = actor(2, Role.CUSTOMER);
  public static final Actor AGENT = actor(3, Role.AGENT);
  public static final Actor OTHER_AGENT = actor(4, Role.AGENT);
  public static final Actor ADMIN = actor(5, Role.ADMIN);

  private static final SplittableRandom RANDOM = new SplittableRandom(42);

  private TicketMother() {}

  public static Actor actor(int n, Role role) {
    return Actor.of(UserId.of(new UUID(0x1000L, n)), role);
  }

  public static Assignee assignee(Actor actor) {
    return new Assignee(actor.id(), actor.role(), true);
  }

  public static Instant minutes(long m) {
    return T0.plus(Duration.ofMinutes(m));
  }

  public static TicketNumber number(long sequence) {
    return TicketNumber.of("TCK", 2026, sequence);
  }

  public static Ticket opened() {
    return opened(REQUESTER, Priority.MEDIUM, T0);
  }

  public static Ticket opened(Priority priority) {
    return opened(REQUESTER, priority, T0);
  }

  public static Ticket opened(Actor requester, Priority priority, Instant at) {
    return Ticket.open(
            TicketId.newId(at, RANDOM),
            number(42),
            requester,
            Title.of("Printer on fire").orElseThrow(),
            Description.of("It smokes when printing in colour.").orElseThrow(),
            priority,
            Optional.of(Category.of("hardware").orElseThrow()),
            Tags.of(java.util.List.of("printer")).orElseThrow(),
            at)
        .orElseThrow()
        .ticket();
  }

  /**
   * A ticket opened by {@link #REQUESTER} at {@link #T0} and moved to {@code status} along the
   * usual path, one minute per step (RESOLVED at T0+3m, CLOSED at T0+4m).
   */
  public static Ticket inStatus(Status status) {
    Ticket t = opened();
    if (status == Status.OPEN) {
      return t;
    }
    t = apply(t.changeStatus(AGENT, Status.IN_PROGRESS, Optional.empty(), minutes(1)));
    if (status == Status.IN_PROGRESS) {
      return t;
    }
    t = apply(t.changeStatus(AGENT, Status.PENDING_CUSTOMER, Optional.empty(), minutes(2)));
    if (status == Status.PENDING_CUSTOMER) {
      return t;
    }
    t = apply(t.changeStatus(AGENT, Status.RESOLVED, Optional.empty(), minutes(3)));
    if (status == Status.RESOLVED) {
      return t;
    }
    return apply(t.close(ADMIN, Optional.empty(), minutes(4)));
  }

  public static Ticket apply(Result<TicketChange> change) {
    return change.orElseThrow().ticket();
  }

  /** Adds a comment that must be accepted; returns the new ticket. */
  public static Ticket commented(
      Ticket t, Actor author, String body, boolean internal, Instant at) {
    return reply(t, author, body, internal, at).change().ticket();
  }

  /** Adds a comment that must be accepted; returns the change and the comment. */
  public static CommentOutcome.Added reply(
      Ticket t, Actor author, String body, boolean internal, Instant at) {
    CommentOutcome outcome =
        t.addComment(author, CommentId.newId(at, RANDOM), body, internal, at).orElseThrow();
    if (outcome instanceof CommentOutcome.Added added) {
      return added;
    }
    throw new IllegalStateException("expected the comment to be added: " + outcome);
  }

  /** {@code t} built again from its fields, as storage does: the invariants are checked anew. */
  public static Ticket rebuilt(Ticket t) {
    return new Ticket(
        t.id(),
        t.number(),
        t.requesterId(),
        t.title(),
        t.description(),
        t.priority(),
        t.category(),
        t.tags(),
        t.status(),
        t.assigneeId(),
        t.createdAt(),
        t.updatedAt(),
        t.firstRespondedAt(),
        t.resolvedAt(),
        t.closedAt(),
        t.escalatedAt(),
        t.escalationLevel(),
        t.autoEscalated(),
        t.followUpOf(),
        t.statusHistory(),
        t.slaWarningsRecorded(),
        t.slaBreachesRecorded(),
        t.version(),
        t.locks(),
        t.groupId());
  }

  public static CommentId newCommentId(Instant at) {
    return CommentId.newId(at, RANDOM);
  }
}
