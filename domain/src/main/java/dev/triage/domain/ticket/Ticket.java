package dev.triage.domain.ticket;

import static dev.triage.domain.shared.ErrorCode.CONFLICT;
import static dev.triage.domain.shared.ErrorCode.FIELD_LOCKED;
import static dev.triage.domain.shared.ErrorCode.FORBIDDEN;
import static dev.triage.domain.shared.ErrorCode.INVALID_TRANSITION;
import static dev.triage.domain.shared.ErrorCode.NOT_FOUND;

import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Texts;
import dev.triage.domain.ticket.TicketEvent.CommentAdded;
import dev.triage.domain.ticket.TicketEvent.CommentRedacted;
import dev.triage.domain.ticket.TicketEvent.FieldChanged;
import dev.triage.domain.ticket.TicketEvent.FieldUnlocked;
import dev.triage.domain.ticket.TicketEvent.FieldsLocked;
import dev.triage.domain.ticket.TicketEvent.FollowUpCreated;
import dev.triage.domain.ticket.TicketEvent.GroupChanged;
import dev.triage.domain.ticket.TicketEvent.InternalNoteAdded;
import dev.triage.domain.ticket.TicketEvent.PriorityChanged;
import dev.triage.domain.ticket.TicketEvent.SlaBreached;
import dev.triage.domain.ticket.TicketEvent.SlaWarning;
import dev.triage.domain.ticket.TicketEvent.StatusChanged;
import dev.triage.domain.ticket.TicketEvent.TagAdded;
import dev.triage.domain.ticket.TicketEvent.TagRemoved;
import dev.triage.domain.ticket.TicketEvent.TicketAssigned;
import dev.triage.domain.ticket.TicketEvent.TicketClosed;
import dev.triage.domain.ticket.TicketEvent.TicketCreated;
import dev.triage.domain.ticket.TicketEvent.TicketEdited;
import dev.triage.domain.ticket.TicketEvent.TicketEscalated;
import dev.triage.domain.ticket.TicketEvent.TicketReopened;
import dev.triage.domain.ticket.TicketEvent.TicketResolved;
import dev.triage.domain.ticket.TicketEvent.TicketUnassigned;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The ticket aggregate: the only way to change a ticket, and the guard of every rule in DOMAIN.md
 * that concerns one ticket. It is an immutable record of the ticket's state (what storage keeps,
 * comments aside: they live on their own); each operation returns the next state (version plus
 * one), made with {@code with...} copies, with the events it caused, or a refusal naming what to do
 * instead. A state that breaks the invariants (corrupt data) is refused when it is built, with
 * {@link IllegalArgumentException}.
 *
 * <p>Every operation first asks the matching {@code check...} question, which the access policy
 * asks too, so the rules a caller is told and the rules that are enforced are the same code. A
 * customer who is not the requester does not see the ticket at all and is told {@code NOT_FOUND}.
 *
 * <p>The version is 1 for a ticket as opened and rises by one with each change; an operation that
 * changes nothing (assigning the current assignee, an edit with equal values) keeps the version and
 * emits no event.
 */
public record Ticket(
    TicketId id,
    TicketNumber number,
    UserId requesterId,
    Title title,
    Description description,
    Priority priority,
    Optional<Category> category,
    Tags tags,
    Status status,
    Optional<UserId> assigneeId,
    Instant createdAt,
    Instant updatedAt,
    Optional<Instant> firstRespondedAt,
    Optional<Instant> resolvedAt,
    Optional<Instant> closedAt,
    Optional<Instant> escalatedAt,
    int escalationLevel,
    boolean autoEscalated,
    Optional<TicketId> followUpOf,
    List<StatusChange> statusHistory,
    Set<SlaClock> slaWarningsRecorded,
    Set<SlaClock> slaBreachesRecorded,
    long version,
    Set<LockableField> locks,
    FieldValues fields,
    Optional<UUID> groupId,
    Participants participants,
    TicketOrigin origin,
    Optional<Instant> snoozedUntil,
    Optional<TicketId> mergedInto) {

  /** The longest reason a status change or escalation may carry. */
  public static final int MAX_REASON_LENGTH = 1_000;

  private static final String REQUESTER_REPLIED = "The requester replied.";

  /** The furthest ahead a ticket may be snoozed. */
  public static final java.time.Duration MAX_SNOOZE = java.time.Duration.ofDays(365);

  private static final String CC_READS_AND_REPLIES =
      "A CC reads the ticket and replies to it; only the requester and staff change it.";

  /**
   * Every field is required; the status history starts with OPEN at creation, is in time order and
   * ends with the current status; closedAt is set exactly when CLOSED; a RESOLVED ticket has
   * resolvedAt; the version is at least 1 and the escalation level not negative.
   */
  public Ticket {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(requesterId, "requesterId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(tags, "tags");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(assigneeId, "assigneeId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(firstRespondedAt, "firstRespondedAt");
    Objects.requireNonNull(resolvedAt, "resolvedAt");
    Objects.requireNonNull(closedAt, "closedAt");
    Objects.requireNonNull(escalatedAt, "escalatedAt");
    Objects.requireNonNull(followUpOf, "followUpOf");
    statusHistory = List.copyOf(statusHistory);
    slaWarningsRecorded = clocks(slaWarningsRecorded);
    slaBreachesRecorded = clocks(slaBreachesRecorded);
    locks =
        locks == null || locks.isEmpty()
            ? Set.of()
            : Collections.unmodifiableSet(EnumSet.copyOf(locks));
    fields = fields == null ? FieldValues.NONE : fields;
    groupId = groupId == null ? Optional.empty() : groupId;
    participants = participants == null ? Participants.NONE : participants;
    origin = origin == null ? TicketOrigin.UNRECORDED : origin;
    snoozedUntil = snoozedUntil == null ? Optional.empty() : snoozedUntil;
    mergedInto = mergedInto == null ? Optional.empty() : mergedInto;
    List<String> problems = new ArrayList<>();
    if (version < 1) {
      problems.add("version must be at least 1");
    }
    if (escalationLevel < 0) {
      problems.add("escalation level must not be negative");
    }
    if (statusHistory.isEmpty()
        || statusHistory.getFirst().status() != Status.OPEN
        || !statusHistory.getFirst().at().equals(createdAt)) {
      problems.add("status history must start with OPEN at creation");
    } else if (statusHistory.getLast().status() != status) {
      problems.add("status history must end with the current status");
    }
    for (int i = 1; i < statusHistory.size(); i++) {
      if (statusHistory.get(i).at().isBefore(statusHistory.get(i - 1).at())) {
        problems.add("status history must be in time order");
      }
    }
    if (closedAt.isPresent() != (status == Status.CLOSED)) {
      problems.add("closedAt must be set exactly when CLOSED");
    }
    if (status == Status.RESOLVED && resolvedAt.isEmpty()) {
      problems.add("a RESOLVED ticket needs resolvedAt");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "corrupt ticket " + id + ": " + String.join("; ", problems));
    }
  }

  /** A ticket that is not snoozed. */
  public Ticket(
      TicketId id,
      TicketNumber number,
      UserId requesterId,
      Title title,
      Description description,
      Priority priority,
      Optional<Category> category,
      Tags tags,
      Status status,
      Optional<UserId> assigneeId,
      Instant createdAt,
      Instant updatedAt,
      Optional<Instant> firstRespondedAt,
      Optional<Instant> resolvedAt,
      Optional<Instant> closedAt,
      Optional<Instant> escalatedAt,
      int escalationLevel,
      boolean autoEscalated,
      Optional<TicketId> followUpOf,
      List<StatusChange> statusHistory,
      Set<SlaClock> slaWarningsRecorded,
      Set<SlaClock> slaBreachesRecorded,
      long version,
      Set<LockableField> locks,
      FieldValues fields,
      Optional<UUID> groupId,
      Participants participants,
      TicketOrigin origin) {
    this(
        id,
        number,
        requesterId,
        title,
        description,
        priority,
        category,
        tags,
        status,
        assigneeId,
        createdAt,
        updatedAt,
        firstRespondedAt,
        resolvedAt,
        closedAt,
        escalatedAt,
        escalationLevel,
        autoEscalated,
        followUpOf,
        statusHistory,
        slaWarningsRecorded,
        slaBreachesRecorded,
        version,
        locks,
        fields,
        groupId,
        participants,
        origin,
        Optional.empty(),
        Optional.empty());
  }

  /** A ticket without CCs or followers whose origin was not recorded. */
  public Ticket(
      TicketId id,
      TicketNumber number,
      UserId requesterId,
      Title title,
      Description description,
      Priority priority,
      Optional<Category> category,
      Tags tags,
      Status status,
      Optional<UserId> assigneeId,
      Instant createdAt,
      Instant updatedAt,
      Optional<Instant> firstRespondedAt,
      Optional<Instant> resolvedAt,
      Optional<Instant> closedAt,
      Optional<Instant> escalatedAt,
      int escalationLevel,
      boolean autoEscalated,
      Optional<TicketId> followUpOf,
      List<StatusChange> statusHistory,
      Set<SlaClock> slaWarningsRecorded,
      Set<SlaClock> slaBreachesRecorded,
      long version,
      Set<LockableField> locks,
      FieldValues fields,
      Optional<UUID> groupId) {
    this(
        id,
        number,
        requesterId,
        title,
        description,
        priority,
        category,
        tags,
        status,
        assigneeId,
        createdAt,
        updatedAt,
        firstRespondedAt,
        resolvedAt,
        closedAt,
        escalatedAt,
        escalationLevel,
        autoEscalated,
        followUpOf,
        statusHistory,
        slaWarningsRecorded,
        slaBreachesRecorded,
        version,
        locks,
        fields,
        groupId,
        Participants.NONE,
        TicketOrigin.UNRECORDED);
  }

  /** A ticket with no custom field set. */
  public Ticket(
      TicketId id,
      TicketNumber number,
      UserId requesterId,
      Title title,
      Description description,
      Priority priority,
      Optional<Category> category,
      Tags tags,
      Status status,
      Optional<UserId> assigneeId,
      Instant createdAt,
      Instant updatedAt,
      Optional<Instant> firstRespondedAt,
      Optional<Instant> resolvedAt,
      Optional<Instant> closedAt,
      Optional<Instant> escalatedAt,
      int escalationLevel,
      boolean autoEscalated,
      Optional<TicketId> followUpOf,
      List<StatusChange> statusHistory,
      Set<SlaClock> slaWarningsRecorded,
      Set<SlaClock> slaBreachesRecorded,
      long version,
      Set<LockableField> locks,
      Optional<UUID> groupId) {
    this(
        id,
        number,
        requesterId,
        title,
        description,
        priority,
        category,
        tags,
        status,
        assigneeId,
        createdAt,
        updatedAt,
        firstRespondedAt,
        resolvedAt,
        closedAt,
        escalatedAt,
        escalationLevel,
        autoEscalated,
        followUpOf,
        statusHistory,
        slaWarningsRecorded,
        slaBreachesRecorded,
        version,
        locks,
        FieldValues.NONE,
        groupId,
        Participants.NONE,
        TicketOrigin.UNRECORDED);
  }

  /** A ticket with no custom field set, in no group. */
  public Ticket(
      TicketId id,
      TicketNumber number,
      UserId requesterId,
      Title title,
      Description description,
      Priority priority,
      Optional<Category> category,
      Tags tags,
      Status status,
      Optional<UserId> assigneeId,
      Instant createdAt,
      Instant updatedAt,
      Optional<Instant> firstRespondedAt,
      Optional<Instant> resolvedAt,
      Optional<Instant> closedAt,
      Optional<Instant> escalatedAt,
      int escalationLevel,
      boolean autoEscalated,
      Optional<TicketId> followUpOf,
      List<StatusChange> statusHistory,
      Set<SlaClock> slaWarningsRecorded,
      Set<SlaClock> slaBreachesRecorded,
      long version,
      Set<LockableField> locks) {
    this(
        id,
        number,
        requesterId,
        title,
        description,
        priority,
        category,
        tags,
        status,
        assigneeId,
        createdAt,
        updatedAt,
        firstRespondedAt,
        resolvedAt,
        closedAt,
        escalatedAt,
        escalationLevel,
        autoEscalated,
        followUpOf,
        statusHistory,
        slaWarningsRecorded,
        slaBreachesRecorded,
        version,
        locks,
        FieldValues.NONE,
        Optional.empty());
  }

  /** A ticket with no field locked, no custom field set, in no group. */
  public Ticket(
      TicketId id,
      TicketNumber number,
      UserId requesterId,
      Title title,
      Description description,
      Priority priority,
      Optional<Category> category,
      Tags tags,
      Status status,
      Optional<UserId> assigneeId,
      Instant createdAt,
      Instant updatedAt,
      Optional<Instant> firstRespondedAt,
      Optional<Instant> resolvedAt,
      Optional<Instant> closedAt,
      Optional<Instant> escalatedAt,
      int escalationLevel,
      boolean autoEscalated,
      Optional<TicketId> followUpOf,
      List<StatusChange> statusHistory,
      Set<SlaClock> slaWarningsRecorded,
      Set<SlaClock> slaBreachesRecorded,
      long version) {
    this(
        id,
        number,
        requesterId,
        title,
        description,
        priority,
        category,
        tags,
        status,
        assigneeId,
        createdAt,
        updatedAt,
        firstRespondedAt,
        resolvedAt,
        closedAt,
        escalatedAt,
        escalationLevel,
        autoEscalated,
        followUpOf,
        statusHistory,
        slaWarningsRecorded,
        slaBreachesRecorded,
        version,
        Set.of(),
        FieldValues.NONE,
        Optional.empty());
  }

  private static Set<SlaClock> clocks(Set<SlaClock> clocks) {
    EnumSet<SlaClock> copy = EnumSet.noneOf(SlaClock.class);
    copy.addAll(clocks);
    return Collections.unmodifiableSet(copy);
  }

  // ---------------------------------------------------------------- creation and persistence

  /** Opens a ticket for {@code requester} (any role); the clocks start at {@code now}. */
  public static Result<TicketChange> open(
      TicketId id,
      TicketNumber number,
      Actor requester,
      Title title,
      Description description,
      Priority priority,
      Optional<Category> category,
      Tags tags,
      Instant now) {
    return open(
        id, number, requester, title, description, priority, category, tags, Optional.empty(), now);
  }

  /**
   * Opens a ticket in {@code group} (empty: in none): one staff chose, or the default group of the
   * ticket's category (the application refuses a customer who names a group); an agent restricted
   * to their groups must choose one of them, or they could not see the ticket they opened.
   */
  public static Result<TicketChange> open(
      TicketId id,
      TicketNumber number,
      Actor requester,
      Title title,
      Description description,
      Priority priority,
      Optional<Category> category,
      Tags tags,
      Optional<UUID> group,
      Instant now) {
    Objects.requireNonNull(requester, "requester");
    Objects.requireNonNull(group, "group");
    if (requester.isSystem()) {
      return Result.err(FORBIDDEN, "Tickets are opened by people, not by the system.");
    }
    if (!requester.seesGroup(group)) {
      return Result.invalid("groupId", "must be one of your groups (you see only their tickets)");
    }
    TicketChange created =
        create(
            id,
            number,
            requester,
            title,
            description,
            priority,
            category,
            tags,
            Optional.empty(),
            now);
    return Result.ok(new TicketChange(created.ticket().withGroup(group), created.events()));
  }

  /**
   * Opens a ticket {@code typist} types in for {@code requester} from {@code channel}, in {@code
   * group} as {@link #open(TicketId, TicketNumber, Actor, Title, Description, Priority, Optional,
   * Tags, Optional, Instant)} does; only staff type tickets in for someone else, and the group must
   * be one the typist sees. The ticket records the channel and who typed it in.
   */
  public static Result<TicketChange> openFor(
      Actor typist,
      Actor requester,
      Channel channel,
      TicketId id,
      TicketNumber number,
      Title title,
      Description description,
      Priority priority,
      Optional<Category> category,
      Tags tags,
      Optional<UUID> group,
      Instant now) {
    Objects.requireNonNull(typist, "typist");
    Objects.requireNonNull(channel, "channel");
    if (!typist.id().equals(requester.id()) && !typist.isStaff()) {
      return Result.err(FORBIDDEN, "Only staff open tickets on someone else's behalf.");
    }
    if (!typist.seesGroup(group)) {
      return Result.invalid("groupId", "must be one of your groups (you see only their tickets)");
    }
    TicketOrigin origin = new TicketOrigin(channel, Optional.of(typist.id()));
    return open(id, number, requester, title, description, priority, category, tags, group, now)
        .map(opened -> new TicketChange(opened.ticket().withOrigin(origin), opened.events()));
  }

  /**
   * Opens the follow-up ticket a requester's reply to a CLOSED ticket asked for (see {@link
   * CommentOutcome.FollowUpRequired}). Emits TicketCreated for the new ticket and FollowUpCreated
   * on the closed one's timeline.
   */
  public static Result<TicketChange> openFollowUp(
      FollowUp followUp, TicketId id, TicketNumber number, Instant now) {
    TicketChange created =
        create(
            id,
            number,
            followUp.requester(),
            followUp.title(),
            followUp.description(),
            followUp.priority(),
            followUp.category(),
            followUp.tags(),
            Optional.of(followUp.closedTicketId()),
            now);
    List<TicketEvent> events = new ArrayList<>(created.events());
    events.add(
        new FollowUpCreated(followUp.closedTicketId(), followUp.requester(), now, id, number));
    return Result.ok(new TicketChange(created.ticket(), events));
  }

  private static TicketChange create(
      TicketId id,
      TicketNumber number,
      Actor requester,
      Title title,
      Description description,
      Priority priority,
      Optional<Category> category,
      Tags tags,
      Optional<TicketId> followUpOf,
      Instant now) {
    Ticket opened =
        new Ticket(
            id,
            number,
            requester.id(),
            title,
            description,
            priority,
            category,
            tags,
            Status.OPEN,
            Optional.empty(),
            now,
            now,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            0,
            false,
            followUpOf,
            List.of(new StatusChange(Status.OPEN, now)),
            Set.of(),
            Set.of(),
            1);
    return new TicketChange(
        opened,
        List.of(new TicketCreated(id, requester, now, number, title, priority, followUpOf)));
  }

  // ---------------------------------------------------------------- questions (the rules)

  /** True when {@code actor} opened this ticket. */
  public boolean isRequester(Actor actor) {
    return actor.id().equals(requesterId());
  }

  /**
   * Staff see every ticket, except an agent restricted to their groups, who sees only the tickets
   * of one of them; a customer sees only the tickets they opened or are copied on (CC).
   */
  public boolean isVisibleTo(Actor actor) {
    return actor.isStaff() ? actor.seesGroup(groupId()) : isRequester(actor) || isCc(actor);
  }

  /** True when {@code actor} is one of the customers copied on this ticket. */
  public boolean isCc(Actor actor) {
    return participants().isCc(actor.id());
  }

  /** The ticket, or NOT_FOUND for an actor who may not see it (so ids leak nothing). */
  public Result<Ticket> checkVisible(Actor actor) {
    return isVisibleTo(actor) ? Result.ok(this) : Result.err(NOT_FOUND, "No such ticket.");
  }

  /** The statuses {@code actor} may move this ticket to now (empty if they cannot see it). */
  public Set<Status> allowedNextStatuses(Actor actor, TicketRules rules) {
    if (!isVisibleTo(actor)) {
      return Set.of();
    }
    return Lifecycle.allowedTargets(status(), actor, isRequester(actor), rules);
  }

  /** May {@code actor} move this ticket to {@code target}? */
  public Result<Ticket> checkChangeStatus(Actor actor, Status target, TicketRules rules) {
    return checkVisible(actor)
        .flatMap(
            t -> {
              Set<Status> allowed = allowedNextStatuses(actor, rules);
              return allowed.contains(target)
                  ? Result.ok(this)
                  : Result.err(INVALID_TRANSITION, invalidTransition(target, allowed));
            });
  }

  /**
   * May {@code actor} make {@code edit}? Requester: title and description while OPEN; staff: all.
   */
  public Result<Ticket> checkEdit(Actor actor, TicketEdit edit) {
    return checkVisible(actor)
        .flatMap(
            t -> {
              if (status().isFinal()) {
                return Result.err(CONFLICT, closedIsFinal("edited"));
              }
              if (actor.isStaff()) {
                Result<Ticket> unlocked = Result.ok(this);
                if (edit.priority().filter(p -> p != priority()).isPresent()) {
                  unlocked = unlocked.flatMap(x -> checkUnlocked(LockableField.PRIORITY));
                }
                if (edit.category().filter(c -> !c.equals(category())).isPresent()) {
                  unlocked = unlocked.flatMap(x -> checkUnlocked(LockableField.CATEGORY));
                }
                if (edit.group().filter(g -> !g.equals(groupId())).isPresent()) {
                  unlocked = unlocked.flatMap(x -> checkUnlocked(LockableField.GROUP));
                }
                return unlocked;
              }
              if (!isRequester(actor)) {
                return Result.err(FORBIDDEN, CC_READS_AND_REPLIES);
              }
              if (edit.touchesStaffOnlyFields()) {
                return Result.err(FORBIDDEN, "Only staff may change category, tags or priority.");
              }
              if (status() != Status.OPEN) {
                return Result.err(
                    FORBIDDEN,
                    "The requester may edit the title and description only while the ticket is"
                        + " OPEN; it is "
                        + status()
                        + ".");
              }
              return Result.ok(this);
            });
  }

  /**
   * May {@code actor} assign this ticket to {@code candidate}? Only to an active agent or admin; an
   * agent only to itself and only a ticket nobody else holds; an admin to anyone.
   */
  public Result<Ticket> checkAssign(Actor actor, Assignee candidate) {
    return checkVisible(actor).flatMap(t -> checkAssignInGroup(actor, candidate));
  }

  /**
   * The assignment rules of {@link #checkAssign} once the ticket is known to be visible; a ticket
   * in a group goes only to a member of that group.
   */
  private Result<Ticket> checkAssignInGroup(Actor actor, Assignee candidate) {
    return Result.ok(this)
        .flatMap(
            t -> {
              if (!actor.isStaff()) {
                return Result.err(FORBIDDEN, "Only staff may assign tickets.");
              }
              if (status().isFinal()) {
                return Result.err(CONFLICT, closedIsFinal("reassigned"));
              }
              if (!candidate.role().isStaff() || !candidate.active()) {
                return Result.invalid("assigneeId", "must be an active agent or admin");
              }
              if (!actor.isAdmin()) {
                if (!candidate.id().equals(actor.id())) {
                  return Result.err(FORBIDDEN, "Agents may assign tickets only to themselves.");
                }
                if (assigneeId().filter(a -> !a.equals(actor.id())).isPresent()) {
                  return Result.err(
                      FORBIDDEN,
                      "The ticket is assigned to someone else; only an admin may reassign it.");
                }
              }
              if (assigneeId().equals(Optional.of(candidate.id()))) {
                return Result.ok(this);
              }
              if (groupId().filter(g -> !candidate.groupIds().contains(g)).isPresent()) {
                return Result.err(
                    CONFLICT,
                    "Ticket "
                        + number()
                        + " is in group "
                        + groupId().get()
                        + ", and the user "
                        + candidate.id()
                        + " is not a member of it: add them to the group first, or move the"
                        + " ticket to one of their groups in the same edit (groupId with"
                        + " assigneeId).");
              }
              return checkUnlocked(LockableField.ASSIGNEE);
            });
  }

  /** May {@code actor} drop the assignee? An agent only itself; an admin anyone. */
  public Result<Ticket> checkUnassign(Actor actor) {
    return checkVisible(actor)
        .flatMap(
            t -> {
              if (!actor.isStaff()) {
                return Result.err(FORBIDDEN, "Only staff may unassign tickets.");
              }
              if (status().isFinal()) {
                return Result.err(CONFLICT, closedIsFinal("unassigned"));
              }
              if (!actor.isAdmin() && assigneeId().filter(a -> !a.equals(actor.id())).isPresent()) {
                return Result.err(FORBIDDEN, "Agents may unassign only themselves.");
              }
              return assigneeId().isEmpty()
                  ? Result.ok(this)
                  : checkUnlocked(LockableField.ASSIGNEE);
            });
  }

  /** May {@code actor} escalate? Staff only, not CLOSED, not already CRITICAL. */
  public Result<Ticket> checkEscalate(Actor actor) {
    return checkVisible(actor)
        .flatMap(
            t -> {
              if (!actor.isStaff()) {
                return Result.err(FORBIDDEN, "Only staff may escalate tickets.");
              }
              if (status().isFinal()) {
                return Result.err(CONFLICT, closedIsFinal("escalated"));
              }
              if (priority().higher().isEmpty()) {
                return Result.err(
                    CONFLICT,
                    "Ticket "
                        + number()
                        + " is already CRITICAL: there is no higher priority to escalate to.");
              }
              return checkUnlocked(LockableField.PRIORITY);
            });
  }

  /**
   * May {@code actor} comment? Internal notes are for staff only. On a CLOSED ticket only the
   * requester's public reply is accepted (it opens a follow-up).
   */
  public Result<Ticket> checkComment(Actor actor, boolean internal) {
    return checkVisible(actor)
        .flatMap(
            t -> {
              if (internal && !actor.isStaff()) {
                return Result.err(FORBIDDEN, "Only staff may write internal notes.");
              }
              if (status().isFinal() && (internal || !isRequester(actor))) {
                return Result.err(
                    CONFLICT,
                    "Ticket "
                        + number()
                        + " is CLOSED, which is final; only the requester's reply is accepted,"
                        + " and it opens a follow-up ticket.");
              }
              return Result.ok(this);
            });
  }

  /**
   * May {@code actor} redact {@code comment}, one of this ticket's comments, at {@code now}? Its
   * author within the redaction window, or an admin at any time. A comment the actor cannot see is
   * NOT_FOUND. Comments are not part of the ticket's state: the caller loads the one it names.
   */
  public Result<Ticket> checkRedact(Actor actor, Comment comment, TicketRules rules, Instant now) {
    return checkVisible(actor)
        .flatMap(
            t -> {
              Optional<Comment> found =
                  Optional.of(comment).filter(c -> !c.internal() || actor.isStaff());
              if (found.isEmpty()) {
                return Result.err(NOT_FOUND, "No such comment.");
              }
              Comment c = found.get();
              if (c.isRedacted()) {
                return Result.err(CONFLICT, "The comment is already redacted.");
              }
              if (actor.isAdmin()) {
                return Result.ok(this);
              }
              boolean author = c.authorId().equals(actor.id());
              if (author && !now.isAfter(c.createdAt().plus(rules.redactionWindow()))) {
                return Result.ok(this);
              }
              return Result.err(
                  FORBIDDEN,
                  author
                      ? "Authors may redact a comment only within "
                          + rules.redactionWindow().toMinutes()
                          + " minutes of writing it; ask an admin."
                      : "Only the comment's author or an admin may redact it.");
            });
  }

  // ---------------------------------------------------------------- operations

  /**
   * Edits title, description (requester while OPEN; staff), category, tags, priority, group and
   * assignee (staff). An assignee is checked as {@link #checkAssign} checks one, against the group
   * the edit leaves the ticket in, so one edit may move a ticket to a group and assign it to one of
   * its members.
   */
  public Result<TicketChange> edit(Actor actor, TicketEdit edit, Instant now) {
    return checkEdit(actor, edit)
        .flatMap(
            t -> {
              Optional<Title> newTitle = edit.title().filter(v -> !v.equals(title()));
              Optional<Description> newDescription =
                  edit.description().filter(v -> !v.equals(description()));
              Optional<Optional<Category>> newCategory =
                  edit.category().filter(v -> !v.equals(category()));
              Optional<Tags> newTags = edit.tags().filter(v -> !v.equals(tags()));
              Optional<Priority> newPriority = edit.priority().filter(v -> v != priority());
              List<String> fields = new ArrayList<>();
              newTitle.ifPresent(v -> fields.add("title"));
              newDescription.ifPresent(v -> fields.add("description"));
              newCategory.ifPresent(v -> fields.add("category"));
              newTags.ifPresent(v -> fields.add("tags"));
              List<TicketEvent> events = new ArrayList<>();
              if (!fields.isEmpty()) {
                events.add(new TicketEdited(id(), actor, now, fields));
              }
              newPriority.ifPresent(
                  v -> events.add(new PriorityChanged(id(), actor, now, priority(), v)));
              Optional<Optional<UUID>> newGroup = edit.group().filter(v -> !v.equals(groupId()));
              newGroup.ifPresent(v -> events.add(new GroupChanged(id(), actor, now, groupId(), v)));
              Ticket next =
                  withTexts(
                          newTitle.orElse(title()),
                          newDescription.orElse(description()),
                          newCategory.orElse(category()),
                          newTags.orElse(tags()),
                          newPriority.orElse(priority()))
                      .withGroup(newGroup.orElse(groupId()));
              if (edit.assignee().isPresent()) {
                Assignee candidate = edit.assignee().get();
                if (next.checkAssignInGroup(actor, candidate) instanceof Result.Err<Ticket> no) {
                  return no.cast();
                }
                if (!next.assigneeId().equals(Optional.of(candidate.id()))) {
                  events.add(new TicketAssigned(id(), actor, now, candidate.id(), assigneeId()));
                  next = next.withAssignee(Optional.of(candidate.id()));
                }
              }
              return Result.ok(commit(next, events, now, true));
            });
  }

  /**
   * An edit and custom field values at once (ADR 20): both are checked and applied, as one change
   * (version plus one), with the edit's events then the fields'.
   */
  public Result<TicketChange> edit(
      Actor actor,
      TicketEdit edit,
      Map<String, Optional<Object>> fieldChanges,
      Predicate<String> staffOnly,
      Instant now) {
    return edit(actor, edit, now)
        .flatMap(
            first ->
                first
                    .ticket()
                    .changeFields(actor, fieldChanges, staffOnly, now)
                    .map(
                        second -> {
                          if (first.isNoChange()) {
                            return second;
                          }
                          if (second.isNoChange()) {
                            return first;
                          }
                          List<TicketEvent> events = new ArrayList<>(first.events());
                          events.addAll(second.events());
                          return new TicketChange(
                              second
                                  .ticket()
                                  .withVersion(
                                      first.ticket().version(), second.ticket().updatedAt()),
                              events);
                        }));
  }

  /**
   * Staff add tags: each one the ticket does not have yet is added at the end (one {@code TagAdded}
   * each); tags it has already change nothing. Refused when the ticket would hold more than {@link
   * Tags#MAX_COUNT} tags (naming {@code tags}), for customers, and on a CLOSED ticket.
   */
  public Result<TicketChange> addTags(Actor actor, Tags added, Instant now) {
    return checkTags(actor)
        .flatMap(
            t -> {
              List<String> values = new ArrayList<>(tags().values());
              List<TicketEvent> events = new ArrayList<>();
              for (String tag : added.values()) {
                if (!values.contains(tag)) {
                  values.add(tag);
                  events.add(new TagAdded(id(), actor, now, tag));
                }
              }
              if (values.size() > Tags.MAX_COUNT) {
                return Result.invalid("tags", "a ticket holds at most " + Tags.MAX_COUNT + " tags");
              }
              return Result.ok(
                  commit(
                      withTexts(title(), description(), category(), new Tags(values), priority()),
                      events,
                      now,
                      true));
            });
  }

  /**
   * Staff remove a tag ({@code TagRemoved}); a tag the ticket does not have is NOT_FOUND. Refused
   * for customers and on a CLOSED ticket.
   */
  public Result<TicketChange> removeTag(Actor actor, String tag, Instant now) {
    return checkTags(actor)
        .flatMap(
            t -> {
              if (!tags().contains(tag)) {
                return Result.err(
                    NOT_FOUND, "Ticket " + number() + " has no tag \"" + tag.strip() + "\".");
              }
              String normalized = Tags.normalize(tag);
              List<String> values = new ArrayList<>(tags().values());
              values.remove(normalized);
              return Result.ok(
                  commit(
                      withTexts(title(), description(), category(), new Tags(values), priority()),
                      List.of(new TagRemoved(id(), actor, now, normalized)),
                      now,
                      true));
            });
  }

  /** May {@code actor} add or remove tags? Staff only, while the ticket is not CLOSED. */
  public Result<Ticket> checkTags(Actor actor) {
    return checkVisible(actor)
        .flatMap(
            t -> {
              if (!actor.isStaff()) {
                return Result.err(FORBIDDEN, "Only staff may change category, tags or priority.");
              }
              if (status().isFinal()) {
                return Result.err(CONFLICT, closedIsFinal("edited"));
              }
              return Result.ok(this);
            });
  }

  /**
   * An admin locks {@code fields}: while locked, any command that would change one is refused with
   * {@code FIELD_LOCKED}. Fields already locked change nothing; one {@code FieldsLocked} event
   * names the newly locked ones.
   */
  public Result<TicketChange> lock(Actor actor, Set<LockableField> fields, Instant now) {
    return checkLocks(actor)
        .map(
            t -> {
              EnumSet<LockableField> next = EnumSet.noneOf(LockableField.class);
              next.addAll(locks());
              List<String> added = new ArrayList<>();
              for (LockableField f : LockableField.values()) {
                if (fields.contains(f) && next.add(f)) {
                  added.add(f.jsonName());
                }
              }
              return commit(
                  withLocks(next),
                  added.isEmpty() ? List.of() : List.of(new FieldsLocked(id(), actor, now, added)),
                  now,
                  false);
            });
  }

  /** An admin unlocks {@code field} ({@code FieldUnlocked}); one not locked is NOT_FOUND. */
  public Result<TicketChange> unlock(Actor actor, LockableField field, Instant now) {
    return checkLocks(actor)
        .flatMap(
            t -> {
              if (!locks().contains(field)) {
                return Result.err(
                    NOT_FOUND,
                    "The " + field.jsonName() + " of ticket " + number() + " is not locked.");
              }
              EnumSet<LockableField> next = EnumSet.noneOf(LockableField.class);
              next.addAll(locks());
              next.remove(field);
              return Result.ok(
                  commit(
                      withLocks(next),
                      List.of(new FieldUnlocked(id(), actor, now, field.jsonName())),
                      now,
                      false));
            });
  }

  /** May {@code actor} lock or unlock fields? Admins only, while the ticket is not CLOSED. */
  public Result<Ticket> checkLocks(Actor actor) {
    return checkVisible(actor)
        .flatMap(
            t -> {
              if (!actor.isAdmin()) {
                return Result.err(FORBIDDEN, "Only admins may lock or unlock fields.");
              }
              if (status().isFinal()) {
                return Result.err(CONFLICT, closedIsFinal("changed"));
              }
              return Result.ok(this);
            });
  }

  /**
   * Sets and clears custom field values (ADR 20): {@code changes} by key, each already accepted by
   * {@link FieldValues#accept} (a value to set, empty to clear). One {@code FieldChanged} per value
   * that differs, internal when {@code staffOnly} says the field is hidden from customers; values
   * equal to the current ones change nothing.
   */
  public Result<TicketChange> changeFields(
      Actor actor,
      Map<String, Optional<Object>> changes,
      Predicate<String> staffOnly,
      Instant now) {
    return checkFields(actor)
        .map(
            t -> {
              List<TicketEvent> events = new ArrayList<>();
              Map<String, Optional<Object>> applied = new LinkedHashMap<>();
              changes.forEach(
                  (key, next) -> {
                    Optional<Object> was = fields().get(key);
                    if (!FieldValues.same(was, next)) {
                      applied.put(key, next);
                      events.add(
                          new FieldChanged(
                              id(),
                              actor,
                              now,
                              key,
                              was.orElse(null),
                              next.orElse(null),
                              staffOnly.test(key)));
                    }
                  });
              return commit(withFieldValues(fields().with(applied)), events, now, true);
            });
  }

  /**
   * May {@code actor} change custom field values? Anyone who sees the ticket, while it is not
   * CLOSED (which fields a customer may write is the catalogue's to say, in {@link
   * FieldValues#accept}).
   */
  public Result<Ticket> checkFields(Actor actor) {
    return checkVisible(actor)
        .flatMap(
            t ->
                status().isFinal()
                    ? Result.err(CONFLICT, closedIsFinal("edited"))
                    : !actor.isStaff() && !isRequester(actor)
                        ? Result.err(FORBIDDEN, CC_READS_AND_REPLIES)
                        : Result.ok(this));
  }

  /** This ticket holding {@code values} as its custom fields; nothing else changes. */
  public Ticket withFieldValues(FieldValues values) {
    return new Ticket(
        id,
        number,
        requesterId,
        title,
        description,
        priority,
        category,
        tags,
        status,
        assigneeId,
        createdAt,
        updatedAt,
        firstRespondedAt,
        resolvedAt,
        closedAt,
        escalatedAt,
        escalationLevel,
        autoEscalated,
        followUpOf,
        statusHistory,
        slaWarningsRecorded,
        slaBreachesRecorded,
        version,
        locks,
        values,
        groupId,
        participants,
        origin,
        snoozedUntil,
        mergedInto);
  }

  /** This ticket, or {@code FIELD_LOCKED} when {@code field} is locked. */
  private Result<Ticket> checkUnlocked(LockableField field) {
    return locks().contains(field)
        ? Result.err(
            FIELD_LOCKED,
            "The "
                + field.jsonName()
                + " of ticket "
                + number()
                + " is locked; an admin must unlock it first.")
        : Result.ok(this);
  }

  // ---------------------------------------------------------------- links

  /** May {@code actor} link this ticket to another, or remove a link? Staff only. */
  public Result<Ticket> checkLink(Actor actor) {
    return checkVisible(actor)
        .flatMap(
            t ->
                actor.isStaff()
                    ? Result.ok(this)
                    : Result.err(FORBIDDEN, "Only staff may link tickets."));
  }

  /**
   * Links this ticket to {@code other} as {@code type} (a {@code TicketLinked} event, staff only);
   * the caller stores the link. A ticket is never linked to itself.
   */
  public Result<TicketChange> link(
      Actor actor, UUID linkId, TicketId other, LinkType type, Instant now) {
    return checkLink(actor)
        .flatMap(
            t -> {
              if (other.equals(id())) {
                return Result.invalid("ticketId", "must name another ticket");
              }
              return Result.ok(
                  commit(
                      this,
                      List.of(new TicketEvent.TicketLinked(id(), actor, now, linkId, other, type)),
                      now,
                      true));
            });
  }

  /** Records that the link {@code linkId} to {@code other} is gone (a {@code TicketUnlinked}). */
  public Result<TicketChange> unlink(
      Actor actor, UUID linkId, TicketId other, LinkType type, Instant now) {
    return checkLink(actor)
        .map(
            t ->
                commit(
                    this,
                    List.of(new TicketEvent.TicketUnlinked(id(), actor, now, linkId, other, type)),
                    now,
                    true));
  }

  // ---------------------------------------------------------------- snooze

  /**
   * May {@code actor} snooze this ticket or wake it? Staff only, while it is not CLOSED (a closed
   * ticket has no queue to leave).
   */
  public Result<Ticket> checkSnooze(Actor actor) {
    return checkVisible(actor)
        .flatMap(
            t ->
                !actor.isStaff()
                    ? Result.err(FORBIDDEN, "Only staff may snooze a ticket.")
                    : status().isFinal()
                        ? Result.err(CONFLICT, closedIsFinal("snoozed"))
                        : Result.ok(this));
  }

  /**
   * Snoozes the ticket until {@code until} (a {@code TicketSnoozed} event, staff only): it leaves
   * the default queues until then, its SLA clocks keep running. {@code until} must be after {@code
   * now} and at most {@link #MAX_SNOOZE} ahead; snoozing again moves the instant.
   */
  public Result<TicketChange> snooze(Actor actor, Instant until, Instant now) {
    return checkSnooze(actor)
        .flatMap(
            t -> {
              if (until == null) {
                return Result.invalid("until", "is required");
              }
              if (!until.isAfter(now)) {
                return Result.invalid("until", "must be in the future");
              }
              if (until.isAfter(now.plus(MAX_SNOOZE))) {
                return Result.invalid(
                    "until", "must be at most " + MAX_SNOOZE.toDays() + " days ahead");
              }
              if (snoozedUntil().equals(Optional.of(until))) {
                return Result.ok(unchanged());
              }
              return Result.ok(
                  commit(
                      withSnoozedUntil(Optional.of(until)),
                      List.of(
                          new TicketEvent.TicketSnoozed(id(), actor, now, until, snoozedUntil())),
                      now,
                      true));
            });
  }

  /** Staff wake the ticket before its time (a {@code TicketWoke}); not snoozed: no change. */
  public Result<TicketChange> unsnooze(Actor actor, Instant now) {
    return checkSnooze(actor)
        .map(
            t ->
                snoozedUntil().isEmpty()
                    ? unchanged()
                    : commit(
                        withSnoozedUntil(Optional.empty()),
                        List.of(
                            new TicketEvent.TicketWoke(
                                id(), actor, now, snoozedUntil().get(), WakeReason.UNSNOOZED)),
                        now,
                        true));
  }

  /**
   * The system wakes the ticket when its snooze is over (a {@code TicketWoke}); empty when it is
   * not snoozed or not due yet. Bookkeeping, not activity: {@link #updatedAt()} stays.
   */
  public Optional<TicketChange> wakeIfDue(Instant now) {
    if (snoozedUntil().isEmpty() || snoozedUntil().get().isAfter(now)) {
      return Optional.empty();
    }
    return Optional.of(
        commit(
            withSnoozedUntil(Optional.empty()),
            List.of(
                new TicketEvent.TicketWoke(
                    id(), Actor.system(), now, snoozedUntil().get(), WakeReason.DUE)),
            now,
            false));
  }

  /** Whether the ticket is snoozed at {@code now}. */
  public boolean isSnoozed(Instant now) {
    return snoozedUntil().isPresent() && snoozedUntil().get().isAfter(now);
  }

  private Ticket withSnoozedUntil(Optional<Instant> until) {
    return new Ticket(
        id,
        number,
        requesterId,
        title,
        description,
        priority,
        category,
        tags,
        status,
        assigneeId,
        createdAt,
        updatedAt,
        firstRespondedAt,
        resolvedAt,
        closedAt,
        escalatedAt,
        escalationLevel,
        autoEscalated,
        followUpOf,
        statusHistory,
        slaWarningsRecorded,
        slaBreachesRecorded,
        version,
        locks,
        fields,
        groupId,
        participants,
        origin,
        until,
        mergedInto);
  }

  // ---------------------------------------------------------------- merge

  /** May {@code actor} merge this ticket into another? Staff only. */
  public Result<Ticket> checkMerge(Actor actor) {
    return checkVisible(actor)
        .flatMap(
            t ->
                actor.isStaff()
                    ? Result.ok(this)
                    : Result.err(FORBIDDEN, "Only staff may merge tickets."));
  }

  /**
   * Why this ticket cannot be merged into {@code target}, if it cannot: into itself, into or from a
   * ticket merged already, into a CLOSED ticket, or from one (CONFLICT each).
   */
  public Optional<String> mergeRefusal(Ticket target) {
    if (target.id().equals(id())) {
      return Optional.of("A ticket cannot be merged into itself.");
    }
    if (mergedInto().isPresent()) {
      return Optional.of("Ticket " + number() + " is merged into another ticket already.");
    }
    if (target.mergedInto().isPresent()) {
      return Optional.of(
          "Ticket " + target.number() + " is merged into another ticket: merge into that one.");
    }
    if (target.status().isFinal()) {
      return Optional.of("Ticket " + target.number() + " is CLOSED: nothing merges into it.");
    }
    if (status().isFinal()) {
      return Optional.of(closedIsFinal("merged"));
    }
    return Optional.empty();
  }

  /**
   * Merges this ticket into {@code target}: a public note saying where it went ({@code noteId}), a
   * {@code TicketMerged} event, and the ticket CLOSED with {@code mergedInto} set. The caller
   * copies the comments and changes the target ({@link #absorb}).
   */
  public Result<TicketChange> mergeInto(Actor actor, Ticket target, CommentId noteId, Instant now) {
    return checkMerge(actor)
        .flatMap(
            t -> {
              Optional<String> refusal = mergeRefusal(target);
              if (refusal.isPresent()) {
                return Result.err(CONFLICT, refusal.get());
              }
              String where = "Merged into " + target.number().value() + ".";
              Comment note =
                  new Comment(
                      noteId,
                      actor.id(),
                      actor.role(),
                      "This ticket was merged into "
                          + target.number().value()
                          + ": the conversation goes on there.",
                      false,
                      now,
                      Optional.empty());
              List<TicketEvent> events = new ArrayList<>();
              events.add(new CommentAdded(id(), actor, now, noteId));
              events.add(
                  new TicketEvent.TicketMerged(id(), actor, now, target.id(), target.number()));
              Ticket closed =
                  movedTo(Status.CLOSED, actor, Optional.of(where), false, now, events)
                      .withMergedInto(Optional.of(target.id()));
              return Result.ok(commit(closed, events, now, true).writing(note));
            });
  }

  /**
   * Takes in {@code source}, merged into this ticket: a {@code TicketMergedFrom} event, and the
   * source's requester (when not this one's), CCs and followers join this ticket's, each with its
   * {@code ParticipantAdded} (up to {@link Participants#MAX_PER_KIND} of a kind).
   */
  public Result<TicketChange> absorb(Actor actor, Ticket source, int commentsCopied, Instant now) {
    return checkMerge(actor)
        .flatMap(
            t -> {
              Optional<String> refusal = source.mergeRefusal(this);
              if (refusal.isPresent()) {
                return Result.err(CONFLICT, refusal.get());
              }
              List<TicketEvent> events = new ArrayList<>();
              events.add(
                  new TicketEvent.TicketMergedFrom(
                      id(), actor, now, source.id(), source.number(), commentsCopied));
              Participants people = participants();
              List<UserId> ccs = new ArrayList<>();
              if (!source.requesterId().equals(requesterId())) {
                ccs.add(source.requesterId());
              }
              ccs.addAll(source.participants().ccIds());
              for (UserId cc : ccs) {
                if (!cc.equals(requesterId())
                    && !people.isCc(cc)
                    && people.ccIds().size() < Participants.MAX_PER_KIND) {
                  people = people.with(Participants.Kind.CC, cc);
                  events.add(
                      new TicketEvent.ParticipantAdded(id(), actor, now, cc, Participants.Kind.CC));
                }
              }
              for (UserId follower : source.participants().followerIds()) {
                if (!people.isFollower(follower)
                    && people.followerIds().size() < Participants.MAX_PER_KIND) {
                  people = people.with(Participants.Kind.FOLLOWER, follower);
                  events.add(
                      new TicketEvent.ParticipantAdded(
                          id(), actor, now, follower, Participants.Kind.FOLLOWER));
                }
              }
              return Result.ok(commit(withParticipants(people), events, now, true));
            });
  }

  private Ticket withMergedInto(Optional<TicketId> target) {
    return new Ticket(
        id,
        number,
        requesterId,
        title,
        description,
        priority,
        category,
        tags,
        status,
        assigneeId,
        createdAt,
        updatedAt,
        firstRespondedAt,
        resolvedAt,
        closedAt,
        escalatedAt,
        escalationLevel,
        autoEscalated,
        followUpOf,
        statusHistory,
        slaWarningsRecorded,
        slaBreachesRecorded,
        version,
        locks,
        fields,
        groupId,
        participants,
        origin,
        snoozedUntil,
        target);
  }

  // ---------------------------------------------------------------- split

  /** May {@code actor} split a comment of this ticket into a new ticket? Staff only. */
  public Result<Ticket> checkSplit(Actor actor) {
    return checkVisible(actor)
        .flatMap(
            t ->
                actor.isStaff()
                    ? Result.ok(this)
                    : Result.err(FORBIDDEN, "Only staff may split a comment into a ticket."));
  }

  /**
   * Opens the ticket {@code staff} split {@code comment} of this ticket into: the same requester,
   * priority, category, tags and group, the comment's text as its description and a title naming
   * this ticket. Its clocks start now, as any new ticket's do. A redacted comment has no text to
   * split (CONFLICT).
   */
  public Result<TicketChange> openSplit(
      Actor staff, Comment comment, TicketId id, TicketNumber number, Instant now) {
    return checkSplit(staff)
        .flatMap(
            t -> {
              if (comment.isRedacted()) {
                return Result.err(CONFLICT, "A redacted comment has no text to split.");
              }
              String line = comment.body().strip().lines().findFirst().orElse("").strip();
              String text = "Split from " + number().value() + ": " + line;
              if (Texts.length(text) > Title.MAX_LENGTH) {
                text = text.substring(0, text.offsetByCodePoints(0, Title.MAX_LENGTH)).strip();
              }
              if (!(Description.of(comment.body()) instanceof Result.Ok<Description> description)) {
                return Result.err(CONFLICT, "The comment has no text to split.");
              }
              return openFor(
                  staff,
                  Actor.of(requesterId(), dev.triage.domain.user.Role.CUSTOMER),
                  origin().channel(),
                  id,
                  number,
                  Title.of(text).orElseThrow(),
                  description.value(),
                  priority(),
                  category(),
                  tags(),
                  groupId(),
                  now);
            });
  }

  /**
   * Records that {@code comment} was split into the ticket {@code into} (a {@code CommentSplit}, as
   * internal as the comment); the comment stays, marked by the caller.
   */
  public Result<TicketChange> markSplit(
      Actor actor, Comment comment, TicketId into, TicketNumber intoNumber, Instant now) {
    return checkSplit(actor)
        .map(
            t ->
                commit(
                    this,
                    List.of(
                        new TicketEvent.CommentSplit(
                            id(), actor, now, comment.id(), comment.internal(), into, intoNumber)),
                    now,
                    true));
  }

  // ---------------------------------------------------------------- participants

  /**
   * May {@code actor} add a participant of {@code kind}? A CC: staff or the requester; a follower:
   * staff. Not on a CLOSED ticket.
   */
  public Result<Ticket> checkAddParticipant(Actor actor, Participants.Kind kind) {
    return checkVisible(actor)
        .flatMap(
            t -> {
              boolean allowed =
                  actor.isStaff() || (kind == Participants.Kind.CC && isRequester(actor));
              if (!allowed) {
                return Result.err(
                    FORBIDDEN,
                    kind == Participants.Kind.CC
                        ? "Only staff and the requester may add CCs."
                        : "Only staff may add followers.");
              }
              if (status().isFinal()) {
                return Result.err(CONFLICT, closedIsFinal("changed"));
              }
              return Result.ok(this);
            });
  }

  /**
   * Adds {@code user} as a participant of {@code kind}: an event {@code ParticipantAdded}; adding
   * someone who already is one changes nothing. The caller has checked that {@code user} is a
   * customer (a CC) or staff (a follower); the requester is never their own CC.
   */
  public Result<TicketChange> addParticipant(
      Actor actor, Participants.Kind kind, UserId user, Instant now) {
    return checkAddParticipant(actor, kind)
        .flatMap(
            t -> {
              if (kind == Participants.Kind.CC && user.equals(requesterId())) {
                return Result.invalid("userId", "is the requester of the ticket");
              }
              if (participants().has(kind, user)) {
                return Result.ok(unchanged());
              }
              if (participants().of(kind).size() >= Participants.MAX_PER_KIND) {
                return Result.invalid(
                    "userId",
                    "the ticket has "
                        + Participants.MAX_PER_KIND
                        + " "
                        + (kind == Participants.Kind.CC ? "CCs" : "followers")
                        + " already");
              }
              return Result.ok(
                  commit(
                      withParticipants(participants().with(kind, user)),
                      List.of(new TicketEvent.ParticipantAdded(id(), actor, now, user, kind)),
                      now,
                      true));
            });
  }

  /**
   * Removes {@code user} as a participant of {@code kind}: staff, the requester (a CC), or the
   * participant themself; one who is not a participant is NOT_FOUND. Allowed on a CLOSED ticket
   * too: leaving is always possible.
   */
  public Result<TicketChange> removeParticipant(
      Actor actor, Participants.Kind kind, UserId user, Instant now) {
    return checkVisible(actor)
        .flatMap(
            t -> {
              boolean allowed =
                  actor.isStaff()
                      || actor.id().equals(user)
                      || (kind == Participants.Kind.CC && isRequester(actor));
              if (!allowed) {
                return Result.err(
                    FORBIDDEN, "Only staff, the requester and the CC themself may remove a CC.");
              }
              if (!participants().has(kind, user)) {
                return Result.err(
                    NOT_FOUND,
                    "User "
                        + user.value()
                        + " is no "
                        + (kind == Participants.Kind.CC ? "CC" : "follower")
                        + " of ticket "
                        + number()
                        + ".");
              }
              return Result.ok(
                  commit(
                      withParticipants(participants().without(kind, user)),
                      List.of(new TicketEvent.ParticipantRemoved(id(), actor, now, user, kind)),
                      now,
                      true));
            });
  }

  private Ticket withParticipants(Participants next) {
    return new Ticket(
        id,
        number,
        requesterId,
        title,
        description,
        priority,
        category,
        tags,
        status,
        assigneeId,
        createdAt,
        updatedAt,
        firstRespondedAt,
        resolvedAt,
        closedAt,
        escalatedAt,
        escalationLevel,
        autoEscalated,
        followUpOf,
        statusHistory,
        slaWarningsRecorded,
        slaBreachesRecorded,
        version,
        locks,
        fields,
        groupId,
        next,
        origin,
        snoozedUntil,
        mergedInto);
  }

  /** Moves the ticket to {@code target} under the default {@link TicketRules}. */
  public Result<TicketChange> changeStatus(
      Actor actor, Status target, Optional<String> reason, Instant now) {
    return changeStatus(actor, target, reason, TicketRules.defaults(), now);
  }

  /**
   * Moves the ticket to {@code target} if the lifecycle allows it for {@code actor}; otherwise
   * INVALID_TRANSITION naming the current status and the statuses allowed for the actor.
   */
  public Result<TicketChange> changeStatus(
      Actor actor, Status target, Optional<String> reason, TicketRules rules, Instant now) {
    return checkReason(reason)
        .flatMap(
            r ->
                checkChangeStatus(actor, target, rules)
                    .map(
                        t -> {
                          List<TicketEvent> events = new ArrayList<>();
                          Ticket next = movedTo(target, actor, r, false, now, events);
                          return commit(next, events, now, true);
                        }));
  }

  /** Closes the ticket (admin from RESOLVED; the requester withdrawing or accepting). */
  public Result<TicketChange> close(Actor actor, Optional<String> reason, Instant now) {
    return changeStatus(actor, Status.CLOSED, reason, TicketRules.defaults(), now);
  }

  /** Closes the ticket under the given rules (the requester's accept can be switched off). */
  public Result<TicketChange> close(
      Actor actor, Optional<String> reason, TicketRules rules, Instant now) {
    return changeStatus(actor, Status.CLOSED, reason, rules, now);
  }

  /** Reopens a RESOLVED ticket (staff or the requester). */
  public Result<TicketChange> reopen(Actor actor, Optional<String> reason, Instant now) {
    return changeStatus(actor, Status.OPEN, reason, TicketRules.defaults(), now);
  }

  /** The auto-close job closes a RESOLVED ticket; whether it is idle long enough is its call. */
  public Result<TicketChange> autoClose(Instant now) {
    if (status() != Status.RESOLVED) {
      return Result.err(
          INVALID_TRANSITION,
          "Ticket "
              + number()
              + " is "
              + status()
              + ": only a RESOLVED ticket is closed automatically.");
    }
    List<TicketEvent> events = new ArrayList<>();
    Ticket next =
        movedTo(
            Status.CLOSED,
            Actor.system(),
            Optional.of("Closed automatically after a period without activity."),
            true,
            now,
            events);
    return Result.ok(commit(next, events, now, true));
  }

  /** Assigns the ticket to {@code candidate}; assigning the current assignee changes nothing. */
  public Result<TicketChange> assign(Actor actor, Assignee candidate, Instant now) {
    return checkAssign(actor, candidate)
        .map(
            t -> {
              if (assigneeId().equals(Optional.of(candidate.id()))) {
                return unchanged();
              }
              return commit(
                  withAssignee(Optional.of(candidate.id())),
                  List.of(new TicketAssigned(id(), actor, now, candidate.id(), assigneeId())),
                  now,
                  true);
            });
  }

  /** Drops the assignee; a ticket without one stays as it is. */
  public Result<TicketChange> unassign(Actor actor, Instant now) {
    return checkUnassign(actor)
        .map(
            t -> {
              if (assigneeId().isEmpty()) {
                return unchanged();
              }
              return commit(
                  withAssignee(Optional.empty()),
                  List.of(new TicketUnassigned(id(), actor, now, assigneeId().get())),
                  now,
                  true);
            });
  }

  /**
   * Staff escalate: priority one level up, escalation level plus one. The SLA due dates follow from
   * the new priority measured from creation, so escalating never extends a deadline.
   */
  public Result<TicketChange> escalate(Actor actor, Optional<String> reason, Instant now) {
    return checkReason(reason)
        .flatMap(
            r -> checkEscalate(actor).map(t -> escalated(actor, priority().next(), r, false, now)));
  }

  /**
   * The sweep escalates an OPEN ticket once, with its {@code reason}. A CRITICAL ticket, or one
   * whose priority an admin locked, keeps its priority but its escalation level still rises, so it
   * shows up for the leads.
   */
  public Result<TicketChange> autoEscalate(String reason, Instant now) {
    if (Texts.isBlank(reason)) {
      throw new IllegalArgumentException("an automatic escalation needs a reason");
    }
    if (autoEscalated()) {
      return Result.err(CONFLICT, "Ticket " + number() + " was already auto-escalated.");
    }
    if (status() != Status.OPEN) {
      return Result.err(
          CONFLICT,
          "Only an OPEN ticket is escalated automatically; " + number() + " is " + status() + ".");
    }
    Priority raised = locks().contains(LockableField.PRIORITY) ? priority() : priority().next();
    return Result.ok(escalated(Actor.system(), raised, Optional.of(reason.strip()), true, now));
  }

  private TicketChange escalated(
      Actor actor, Priority to, Optional<String> reason, boolean automatic, Instant now) {
    int level = escalationLevel() + 1;
    return commit(
        withEscalation(to, level, Optional.of(now), autoEscalated() || automatic),
        List.of(new TicketEscalated(id(), actor, now, priority(), to, level, reason, automatic)),
        now,
        true);
  }

  /**
   * Adds a public reply or an internal note. The first public reply by staff (not the requester)
   * records the first response. The requester's public reply moves PENDING_CUSTOMER to IN_PROGRESS
   * and reopens a RESOLVED ticket; on a CLOSED ticket it asks for a follow-up instead.
   */
  public Result<CommentOutcome> addComment(
      Actor actor, CommentId commentId, String body, boolean internal, Instant now) {
    if (Texts.isBlank(body)) {
      return Result.invalid("body", "must not be blank");
    }
    if (Texts.length(body) > Comment.MAX_LENGTH) {
      return Result.invalid("body", "must be at most " + Comment.MAX_LENGTH + " characters");
    }
    return checkComment(actor, internal)
        .flatMap(
            t -> {
              if (status().isFinal()) {
                return Result.ok(new CommentOutcome.FollowUpRequired(followUp(actor, body)));
              }
              Comment comment =
                  new Comment(
                      commentId, actor.id(), actor.role(), body, internal, now, Optional.empty());
              List<TicketEvent> events = new ArrayList<>();
              events.add(
                  internal
                      ? new InternalNoteAdded(id(), actor, now, commentId)
                      : new CommentAdded(id(), actor, now, commentId));
              Ticket next = this;
              if (!internal
                  && actor.isStaff()
                  && !isRequester(actor)
                  && firstRespondedAt().isEmpty()) {
                next = withFirstResponse(Optional.of(now));
              }
              if (!internal && (isRequester(actor) || isCc(actor))) {
                Optional<String> why = Optional.of(REQUESTER_REPLIED);
                next =
                    switch (status()) {
                      case PENDING_CUSTOMER ->
                          next.movedTo(Status.IN_PROGRESS, actor, why, false, now, events);
                      case RESOLVED -> next.movedTo(Status.OPEN, actor, why, false, now, events);
                      case OPEN, IN_PROGRESS, CLOSED -> next;
                    };
              }
              if (!internal && (isRequester(actor) || isCc(actor)) && snoozedUntil().isPresent()) {
                events.add(
                    new TicketEvent.TicketWoke(
                        id(), actor, now, snoozedUntil().get(), WakeReason.CUSTOMER_REPLIED));
                next = next.withSnoozedUntil(Optional.empty());
              }
              return Result.ok(
                  new CommentOutcome.Added(
                      commit(next, events, now, true).writing(comment), comment));
            });
  }

  private FollowUp followUp(Actor requester, String body) {
    String title = "Follow-up to " + number() + ": " + title().value();
    if (Texts.length(title) > Title.MAX_LENGTH) {
      title = title.substring(0, title.offsetByCodePoints(0, Title.MAX_LENGTH)).strip();
    }
    return new FollowUp(
        id(),
        number(),
        requester,
        Title.of(title).orElseThrow(),
        Description.of(body).orElseThrow(),
        priority(),
        category(),
        tags());
  }

  /** Redacts a comment under the default rules (author within 15 minutes, or an admin). */
  public Result<TicketChange> redactComment(Actor actor, Comment comment, Instant now) {
    return redactComment(actor, comment, TicketRules.defaults(), now);
  }

  /**
   * Erases the text of {@code comment}, one of this ticket's comments; the fact that it existed,
   * and who erased it, remain. The change carries the redacted comment for storage.
   */
  public Result<TicketChange> redactComment(
      Actor actor, Comment comment, TicketRules rules, Instant now) {
    return checkRedact(actor, comment, rules, now)
        .map(
            t ->
                commit(
                        this,
                        List.of(
                            new CommentRedacted(
                                id(), actor, now, comment.id(), comment.internal())),
                        now,
                        true)
                    .writing(comment.redactedBy(actor.id(), now)));
  }

  /** Records that {@code clock} passed its warning share; once per clock, never after a breach. */
  public Result<TicketChange> recordSlaWarning(SlaClock clock, Instant dueAt, Instant now) {
    return recordSlaAlarms(List.of(new SlaAlarm(clock, SlaAlarm.Kind.WARNING, dueAt)), now);
  }

  /** Records that {@code clock} passed its due date; once per clock. */
  public Result<TicketChange> recordSlaBreach(SlaClock clock, Instant dueAt, Instant now) {
    return recordSlaAlarms(List.of(new SlaAlarm(clock, SlaAlarm.Kind.BREACH, dueAt)), now);
  }

  /**
   * Records SLA warnings and breaches as one change by the system. Each is reported once per clock;
   * a warning after a breach of the same clock is refused. This is bookkeeping, not activity:
   * {@link #updatedAt()} stays as it was. Next-reply alarms are recorded per cycle through {@link
   * NextReplyFacts#record}; passing one here is a programming error.
   */
  public Result<TicketChange> recordSlaAlarms(List<SlaAlarm> alarms, Instant now) {
    for (SlaAlarm alarm : alarms) {
      if (!alarm.clock().oncePerTicket()) {
        throw new IllegalArgumentException(
            "the " + alarm.clock() + " clock records its alarms per cycle (NextReplyFacts)");
      }
    }
    EnumSet<SlaClock> warnings = EnumSet.noneOf(SlaClock.class);
    warnings.addAll(slaWarningsRecorded());
    EnumSet<SlaClock> breaches = EnumSet.noneOf(SlaClock.class);
    breaches.addAll(slaBreachesRecorded());
    List<TicketEvent> events = new ArrayList<>();
    for (SlaAlarm alarm : alarms) {
      SlaClock clock = alarm.clock();
      switch (alarm.kind()) {
        case WARNING -> {
          if (warnings.contains(clock) || breaches.contains(clock)) {
            return Result.err(
                CONFLICT, "A warning or breach was already recorded for the " + clock + " clock.");
          }
          warnings.add(clock);
          events.add(new SlaWarning(id(), Actor.system(), now, clock, alarm.dueAt()));
        }
        case BREACH -> {
          if (breaches.contains(clock)) {
            return Result.err(
                CONFLICT, "A breach was already recorded for the " + clock + " clock.");
          }
          breaches.add(clock);
          events.add(new SlaBreached(id(), Actor.system(), now, clock, alarm.dueAt()));
        }
      }
    }
    return Result.ok(commit(withSlaAlarms(warnings, breaches), events, now, false));
  }

  /**
   * The events of next-reply alarms, as one change by the system; {@link NextReplyFacts#record} has
   * checked them against the cycle, and the once-per-ticket sets stay as they are.
   */
  TicketChange recordCycleAlarms(List<SlaAlarm> alarms, Instant now) {
    List<TicketEvent> events = new ArrayList<>();
    for (SlaAlarm alarm : alarms) {
      events.add(
          switch (alarm.kind()) {
            case WARNING -> new SlaWarning(id(), Actor.system(), now, alarm.clock(), alarm.dueAt());
            case BREACH -> new SlaBreached(id(), Actor.system(), now, alarm.clock(), alarm.dueAt());
          });
    }
    return commit(this, events, now, false);
  }

  // ---------------------------------------------------------------- internals

  private static Result<Optional<String>> checkReason(Optional<String> reason) {
    Optional<String> trimmed = reason.map(String::strip).filter(r -> !r.isEmpty());
    if (trimmed.isPresent() && Texts.length(trimmed.get()) > MAX_REASON_LENGTH) {
      return Result.invalid("reason", "must be at most " + MAX_REASON_LENGTH + " characters");
    }
    return Result.ok(trimmed);
  }

  private String invalidTransition(Status target, Set<Status> allowed) {
    String options =
        allowed.isEmpty()
            ? "none"
            : allowed.stream().map(Status::name).collect(Collectors.joining(", "));
    String current = status().isFinal() ? status() + ", which is final" : String.valueOf(status());
    return "Ticket "
        + number()
        + " is "
        + current
        + ": it cannot move to "
        + target
        + ". Allowed next statuses for you: "
        + options
        + ".";
  }

  private String closedIsFinal(String what) {
    return "Ticket " + number() + " is CLOSED, which is final: it cannot be " + what + ".";
  }

  private TicketChange unchanged() {
    return new TicketChange(this, List.of());
  }

  /**
   * {@code combined}, several operations run one after another from this ticket, as one change of
   * it: version plus one, the last operation's activity time; no events: this ticket unchanged.
   */
  TicketChange asOneChange(TicketChange combined) {
    if (combined.isNoChange()) {
      return unchanged();
    }
    Ticket last = combined.ticket();
    return new TicketChange(
        last.withVersion(version() + 1, last.updatedAt()), combined.events(), combined.comment());
  }

  /** {@code next} as this change's result: version plus one, and the activity time if it is. */
  private TicketChange commit(
      Ticket next, List<TicketEvent> events, Instant now, boolean activity) {
    if (events.isEmpty()) {
      return unchanged();
    }
    Instant activityAt = activity && now.isAfter(updatedAt()) ? now : updatedAt();
    return new TicketChange(next.withVersion(version() + 1, activityAt), events);
  }

  /**
   * This ticket in {@code target}, with the events of the move added to {@code events}; the history
   * stays in time order even if clocks disagree.
   */
  private Ticket movedTo(
      Status target,
      Actor actor,
      Optional<String> reason,
      boolean automatic,
      Instant now,
      List<TicketEvent> events) {
    Instant last = statusHistory().getLast().at();
    List<StatusChange> history = new ArrayList<>(statusHistory());
    history.add(new StatusChange(target, now.isBefore(last) ? last : now));
    events.add(new StatusChanged(id(), actor, now, status(), target, reason));
    Optional<Instant> resolved = resolvedAt();
    Optional<Instant> closed = closedAt();
    switch (target) {
      case RESOLVED -> {
        resolved = Optional.of(now);
        events.add(new TicketResolved(id(), actor, now));
      }
      case CLOSED -> {
        closed = Optional.of(now);
        events.add(new TicketClosed(id(), actor, now, automatic));
      }
      case OPEN -> {
        resolved = Optional.empty();
        events.add(new TicketReopened(id(), actor, now, reason));
      }
      case IN_PROGRESS, PENDING_CUSTOMER -> {}
    }
    return withStatus(target, history, resolved, closed);
  }

  // ---------------------------------------------------------------- copies

  private Ticket withTexts(
      Title title, Description description, Optional<Category> category, Tags tags, Priority p) {
    return new Ticket(
        id,
        number,
        requesterId,
        title,
        description,
        p,
        category,
        tags,
        status,
        assigneeId,
        createdAt,
        updatedAt,
        firstRespondedAt,
        resolvedAt,
        closedAt,
        escalatedAt,
        escalationLevel,
        autoEscalated,
        followUpOf,
        statusHistory,
        slaWarningsRecorded,
        slaBreachesRecorded,
        version,
        locks,
        fields,
        groupId,
        participants,
        origin,
        snoozedUntil,
        mergedInto);
  }

  private Ticket withOrigin(TicketOrigin next) {
    return new Ticket(
        id,
        number,
        requesterId,
        title,
        description,
        priority,
        category,
        tags,
        status,
        assigneeId,
        createdAt,
        updatedAt,
        firstRespondedAt,
        resolvedAt,
        closedAt,
        escalatedAt,
        escalationLevel,
        autoEscalated,
        followUpOf,
        statusHistory,
        slaWarningsRecorded,
        slaBreachesRecorded,
        version,
        locks,
        fields,
        groupId,
        participants,
        next,
        snoozedUntil,
        mergedInto);
  }

  private Ticket withGroup(Optional<UUID> group) {
    return new Ticket(
        id,
        number,
        requesterId,
        title,
        description,
        priority,
        category,
        tags,
        status,
        assigneeId,
        createdAt,
        updatedAt,
        firstRespondedAt,
        resolvedAt,
        closedAt,
        escalatedAt,
        escalationLevel,
        autoEscalated,
        followUpOf,
        statusHistory,
        slaWarningsRecorded,
        slaBreachesRecorded,
        version,
        locks,
        fields,
        group,
        participants,
        origin,
        snoozedUntil,
        mergedInto);
  }

  private Ticket withAssignee(Optional<UserId> assignee) {
    return new Ticket(
        id,
        number,
        requesterId,
        title,
        description,
        priority,
        category,
        tags,
        status,
        assignee,
        createdAt,
        updatedAt,
        firstRespondedAt,
        resolvedAt,
        closedAt,
        escalatedAt,
        escalationLevel,
        autoEscalated,
        followUpOf,
        statusHistory,
        slaWarningsRecorded,
        slaBreachesRecorded,
        version,
        locks,
        fields,
        groupId,
        participants,
        origin,
        snoozedUntil,
        mergedInto);
  }

  private Ticket withStatus(
      Status to, List<StatusChange> history, Optional<Instant> resolved, Optional<Instant> closed) {
    return new Ticket(
        id,
        number,
        requesterId,
        title,
        description,
        priority,
        category,
        tags,
        to,
        assigneeId,
        createdAt,
        updatedAt,
        firstRespondedAt,
        resolved,
        closed,
        escalatedAt,
        escalationLevel,
        autoEscalated,
        followUpOf,
        history,
        slaWarningsRecorded,
        slaBreachesRecorded,
        version,
        locks,
        fields,
        groupId,
        participants,
        origin,
        to == Status.CLOSED ? Optional.empty() : snoozedUntil,
        mergedInto);
  }

  private Ticket withFirstResponse(Optional<Instant> at) {
    return new Ticket(
        id,
        number,
        requesterId,
        title,
        description,
        priority,
        category,
        tags,
        status,
        assigneeId,
        createdAt,
        updatedAt,
        at,
        resolvedAt,
        closedAt,
        escalatedAt,
        escalationLevel,
        autoEscalated,
        followUpOf,
        statusHistory,
        slaWarningsRecorded,
        slaBreachesRecorded,
        version,
        locks,
        fields,
        groupId,
        participants,
        origin,
        snoozedUntil,
        mergedInto);
  }

  private Ticket withEscalation(
      Priority to, int level, Optional<Instant> at, boolean automatically) {
    return new Ticket(
        id,
        number,
        requesterId,
        title,
        description,
        to,
        category,
        tags,
        status,
        assigneeId,
        createdAt,
        updatedAt,
        firstRespondedAt,
        resolvedAt,
        closedAt,
        at,
        level,
        automatically,
        followUpOf,
        statusHistory,
        slaWarningsRecorded,
        slaBreachesRecorded,
        version,
        locks,
        fields,
        groupId,
        participants,
        origin,
        snoozedUntil,
        mergedInto);
  }

  private Ticket withSlaAlarms(Set<SlaClock> warnings, Set<SlaClock> breaches) {
    return new Ticket(
        id,
        number,
        requesterId,
        title,
        description,
        priority,
        category,
        tags,
        status,
        assigneeId,
        createdAt,
        updatedAt,
        firstRespondedAt,
        resolvedAt,
        closedAt,
        escalatedAt,
        escalationLevel,
        autoEscalated,
        followUpOf,
        statusHistory,
        warnings,
        breaches,
        version,
        locks,
        fields,
        groupId,
        participants,
        origin,
        snoozedUntil,
        mergedInto);
  }

  private Ticket withLocks(Set<LockableField> next) {
    return new Ticket(
        id,
        number,
        requesterId,
        title,
        description,
        priority,
        category,
        tags,
        status,
        assigneeId,
        createdAt,
        updatedAt,
        firstRespondedAt,
        resolvedAt,
        closedAt,
        escalatedAt,
        escalationLevel,
        autoEscalated,
        followUpOf,
        statusHistory,
        slaWarningsRecorded,
        slaBreachesRecorded,
        version,
        next,
        fields,
        groupId,
        participants,
        origin,
        snoozedUntil,
        mergedInto);
  }

  private Ticket withVersion(long next, Instant activityAt) {
    return new Ticket(
        id,
        number,
        requesterId,
        title,
        description,
        priority,
        category,
        tags,
        status,
        assigneeId,
        createdAt,
        activityAt,
        firstRespondedAt,
        resolvedAt,
        closedAt,
        escalatedAt,
        escalationLevel,
        autoEscalated,
        followUpOf,
        statusHistory,
        slaWarningsRecorded,
        slaBreachesRecorded,
        next,
        locks,
        fields,
        groupId,
        participants,
        origin,
        snoozedUntil,
        mergedInto);
  }

  @Override
  public String toString() {
    return "Ticket[" + number() + ", " + status() + ", v" + version() + "]";
  }
}
