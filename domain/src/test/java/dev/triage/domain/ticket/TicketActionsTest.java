package dev.triage.domain.ticket;

import static dev.triage.domain.testing.TicketMother.ADMIN;
import static dev.triage.domain.testing.TicketMother.AGENT;
import static dev.triage.domain.testing.TicketMother.OTHER_AGENT;
import static dev.triage.domain.testing.TicketMother.apply;
import static dev.triage.domain.testing.TicketMother.assignee;
import static dev.triage.domain.testing.TicketMother.inStatus;
import static dev.triage.domain.testing.TicketMother.minutes;
import static dev.triage.domain.testing.TicketMother.newCommentId;
import static dev.triage.domain.testing.TicketMother.opened;
import static dev.triage.domain.testing.TicketScenario.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.TicketEvent.CommentAdded;
import dev.triage.domain.ticket.TicketEvent.GroupChanged;
import dev.triage.domain.ticket.TicketEvent.InternalNoteAdded;
import dev.triage.domain.ticket.TicketEvent.PriorityChanged;
import dev.triage.domain.ticket.TicketEvent.StatusChanged;
import dev.triage.domain.ticket.TicketEvent.TagAdded;
import dev.triage.domain.ticket.TicketEvent.TagRemoved;
import dev.triage.domain.ticket.TicketEvent.TicketAssigned;
import dev.triage.domain.ticket.TicketEvent.TicketResolved;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A macro's actions change a ticket as one change: each action under its own rules, every event in
 * order, version plus one; any refusal refuses the whole and names its action.
 */
class TicketActionsTest {

  private static final TicketRules RULES = TicketRules.defaults();

  private static Tags tags(String... values) {
    return Tags.of(List.of(values)).orElseThrow();
  }

  private static TicketActions.Draft reply(String text) {
    return new TicketActions.Draft(
        newCommentId(minutes(5)), false, t -> text + " " + t.number().value());
  }

  @Test
  void status_assignee_and_a_reply_are_one_change_with_each_event() {
    Ticket before =
        apply(opened().changeStatus(AGENT, Status.IN_PROGRESS, Optional.empty(), minutes(1)));
    TicketActions actions =
        TicketActions.none()
            .withStatus(Status.RESOLVED)
            .withAssignee(Optional.of(assignee(AGENT)))
            .withComment(reply("Fixed in"));
    given(before)
        .when(t -> actions.applyTo(t, AGENT, RULES, minutes(5)))
        .thenEventsSatisfy(
            events ->
                assertThat(events)
                    .extracting(e -> (Object) e.getClass())
                    .containsSubsequence(
                        TicketAssigned.class, CommentAdded.class, StatusChanged.class))
        .thenChange(
            change -> {
              assertThat(change.ticket().version()).isEqualTo(before.version() + 1);
              assertThat(change.ticket().status()).isEqualTo(Status.RESOLVED);
              assertThat(change.ticket().assigneeId()).contains(AGENT.id());
              assertThat(change.ticket().firstRespondedAt()).contains(minutes(5));
              assertThat(change.comment()).isPresent();
              assertThat(change.comment().get().body())
                  .isEqualTo("Fixed in " + before.number().value());
              assertThat(change.comment().get().internal()).isFalse();
            });
  }

  @Test
  void priority_tags_and_a_note_each_emit_their_events() {
    Ticket before = apply(opened(Priority.LOW).addTags(AGENT, tags("old"), minutes(1)));
    TicketActions actions =
        TicketActions.none()
            .withPriority(Priority.HIGH)
            .withAddedTags(tags("vip", "old"))
            .withRemovedTags(List.of("old", "absent"))
            .withComment(new TicketActions.Draft(newCommentId(minutes(5)), true, t -> "note"));
    given(before)
        .when(t -> actions.applyTo(t, AGENT, RULES, minutes(5)))
        .thenEvents(
            PriorityChanged.class, TagAdded.class, TagRemoved.class, InternalNoteAdded.class)
        .thenTicket(
            t -> {
              assertThat(t.priority()).isEqualTo(Priority.HIGH);
              assertThat(t.tags().values()).contains("vip").doesNotContain("old");
              assertThat(t.version()).isEqualTo(before.version() + 1);
            });
  }

  @Test
  void actions_that_change_nothing_leave_the_ticket_as_it_was() {
    Ticket before = opened(Priority.MEDIUM);
    given(before)
        .when(
            t ->
                TicketActions.none()
                    .withPriority(Priority.MEDIUM)
                    .withRemovedTags(List.of("absent"))
                    .applyTo(t, AGENT, RULES, minutes(5)))
        .thenEvents()
        .thenTicket(t -> assertThat(t.version()).isEqualTo(before.version()));
  }

  @Test
  void a_status_the_lifecycle_refuses_refuses_the_whole_naming_status() {
    TicketActions actions =
        TicketActions.none().withPriority(Priority.HIGH).withStatus(Status.PENDING_CUSTOMER);
    Result<TicketChange> result = actions.applyTo(opened(), AGENT, RULES, minutes(5));
    assertThat(result).isInstanceOf(Result.Err.class);
    Result.Err<TicketChange> err = (Result.Err<TicketChange>) result;
    assertThat(err.code()).isEqualTo(ErrorCode.INVALID_TRANSITION);
    assertThat(err.fieldErrors()).containsOnlyKeys("status");
    assertThat(err.message()).contains("status");
  }

  @Test
  void a_locked_field_refuses_the_whole_naming_the_action() {
    Ticket locked = apply(opened().lock(ADMIN, EnumSet.of(LockableField.ASSIGNEE), minutes(1)));
    Result<TicketChange> result =
        TicketActions.none()
            .withPriority(Priority.HIGH)
            .withAssignee(Optional.of(assignee(AGENT)))
            .applyTo(locked, AGENT, RULES, minutes(5));
    Result.Err<TicketChange> err = (Result.Err<TicketChange>) result;
    assertThat(err.code()).isEqualTo(ErrorCode.FIELD_LOCKED);
    assertThat(err.fieldErrors()).containsOnlyKeys("assignee");
  }

  @Test
  void an_assignee_outside_the_group_the_macro_moves_the_ticket_to_is_refused() {
    UUID group = UUID.randomUUID();
    Result<TicketChange> result =
        TicketActions.none()
            .withGroup(Optional.of(group))
            .withAssignee(Optional.of(assignee(OTHER_AGENT)))
            .applyTo(opened(), ADMIN, RULES, minutes(5));
    assertThat(((Result.Err<TicketChange>) result).fieldErrors()).containsOnlyKeys("assignee");
    Assignee member = new Assignee(OTHER_AGENT.id(), Role.AGENT, true, Set.of(group));
    given(opened())
        .when(
            t ->
                TicketActions.none()
                    .withGroup(Optional.of(group))
                    .withAssignee(Optional.of(member))
                    .applyTo(t, ADMIN, RULES, minutes(5)))
        .thenEvents(GroupChanged.class, TicketAssigned.class);
  }

  @Test
  void a_restricted_agent_may_not_move_a_ticket_out_of_their_groups() {
    UUID mine = UUID.randomUUID();
    Actor restricted = new Actor(AGENT.id(), Role.AGENT, true, Set.of(mine));
    Ticket inMine =
        apply(opened().edit(ADMIN, TicketEdit.none().withGroup(Optional.of(mine)), minutes(1)));
    Result<TicketChange> result =
        TicketActions.none()
            .withGroup(Optional.of(UUID.randomUUID()))
            .applyTo(inMine, restricted, RULES, minutes(5));
    Result.Err<TicketChange> err = (Result.Err<TicketChange>) result;
    assertThat(err.code()).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(err.fieldErrors()).containsOnlyKeys("group");
  }

  @Test
  void a_reply_on_a_closed_ticket_is_refused_naming_reply() {
    Result<TicketChange> result =
        TicketActions.none()
            .withComment(reply("Hello"))
            .applyTo(inStatus(Status.CLOSED), AGENT, RULES, minutes(5));
    Result.Err<TicketChange> err = (Result.Err<TicketChange>) result;
    assertThat(err.code()).isEqualTo(ErrorCode.CONFLICT);
    assertThat(err.fieldErrors()).containsOnlyKeys("reply");
  }

  @Test
  void a_reply_then_resolving_records_the_resolution() {
    Ticket before =
        apply(opened().changeStatus(AGENT, Status.IN_PROGRESS, Optional.empty(), minutes(1)));
    given(before)
        .when(
            t ->
                TicketActions.none()
                    .withComment(reply("Done"))
                    .withStatus(Status.RESOLVED)
                    .applyTo(t, AGENT, RULES, minutes(5)))
        .thenEventsSatisfy(
            events ->
                assertThat(events)
                    .extracting(e -> (Object) e.getClass())
                    .contains(CommentAdded.class, TicketResolved.class))
        .thenTicket(t -> assertThat(t.resolvedAt()).contains(minutes(5)));
  }
}
