package dev.triage.domain.ticket;

import static dev.triage.domain.testing.TicketMother.ADMIN;
import static dev.triage.domain.testing.TicketMother.AGENT;
import static dev.triage.domain.testing.TicketMother.REQUESTER;
import static dev.triage.domain.testing.TicketMother.apply;
import static dev.triage.domain.testing.TicketMother.assignee;
import static dev.triage.domain.testing.TicketMother.inStatus;
import static dev.triage.domain.testing.TicketMother.minutes;
import static dev.triage.domain.testing.TicketMother.opened;
import static dev.triage.domain.testing.TicketScenario.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.ticket.TicketEvent.FieldUnlocked;
import dev.triage.domain.ticket.TicketEvent.FieldsLocked;
import dev.triage.domain.ticket.TicketEvent.TagAdded;
import dev.triage.domain.ticket.TicketEvent.TagRemoved;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Field locks refuse whatever would change a locked field; tags are added and removed one by one.
 */
class TicketLocksAndTagsTest {

  private static Ticket locked(LockableField... fields) {
    Set<LockableField> set = EnumSet.noneOf(LockableField.class);
    set.addAll(List.of(fields));
    return apply(opened(Priority.MEDIUM).lock(ADMIN, set, minutes(1)));
  }

  @Test
  void an_admin_locks_fields_once_and_only_admins_may() {
    given(opened())
        .when(t -> t.lock(ADMIN, EnumSet.of(LockableField.PRIORITY), minutes(1)))
        .thenEvents(FieldsLocked.class)
        .thenTicket(t -> assertThat(t.locks()).containsExactly(LockableField.PRIORITY));
    given(locked(LockableField.PRIORITY))
        .when(t -> t.lock(ADMIN, EnumSet.of(LockableField.PRIORITY), minutes(2)))
        .thenEvents();
    given(opened())
        .when(t -> t.lock(AGENT, EnumSet.of(LockableField.PRIORITY), minutes(1)))
        .thenRefused(ErrorCode.FORBIDDEN);
    given(inStatus(Status.CLOSED))
        .when(t -> t.lock(ADMIN, EnumSet.of(LockableField.PRIORITY), minutes(1)))
        .thenRefused(ErrorCode.CONFLICT);
  }

  @Test
  void a_locked_priority_refuses_edits_and_escalation_but_the_sweep_still_raises_the_level() {
    TicketEdit raise =
        new TicketEdit(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(Priority.HIGH));
    given(locked(LockableField.PRIORITY))
        .when(t -> t.edit(AGENT, raise, minutes(2)))
        .thenRefused(ErrorCode.FIELD_LOCKED, "priority");
    given(locked(LockableField.PRIORITY))
        .when(t -> t.escalate(AGENT, Optional.empty(), minutes(2)))
        .thenRefused(ErrorCode.FIELD_LOCKED, "priority");
    given(locked(LockableField.PRIORITY))
        .when(t -> t.autoEscalate("stale", minutes(2)))
        .thenTicket(
            t -> {
              assertThat(t.priority()).isEqualTo(Priority.MEDIUM);
              assertThat(t.escalationLevel()).isEqualTo(1);
            });
    // Another field is still free.
    TicketEdit retitle =
        new TicketEdit(
            Optional.of(Title.of("Still editable").orElseThrow()),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(Priority.MEDIUM));
    given(locked(LockableField.PRIORITY))
        .when(t -> t.edit(AGENT, retitle, minutes(2)))
        .thenTicket(t -> assertThat(t.title().value()).isEqualTo("Still editable"));
  }

  @Test
  void a_locked_category_or_assignment_refuses_the_commands_that_would_change_it() {
    TicketEdit recategorize =
        new TicketEdit(
            Optional.empty(),
            Optional.empty(),
            Optional.of(Optional.of(new Category("network"))),
            Optional.empty(),
            Optional.empty());
    given(locked(LockableField.CATEGORY))
        .when(t -> t.edit(AGENT, recategorize, minutes(2)))
        .thenRefused(ErrorCode.FIELD_LOCKED, "category");
    given(locked(LockableField.ASSIGNEE))
        .when(t -> t.assign(AGENT, assignee(AGENT), minutes(2)))
        .thenRefused(ErrorCode.FIELD_LOCKED, "assigneeId");
    Ticket unlocked =
        apply(locked(LockableField.ASSIGNEE).unlock(ADMIN, LockableField.ASSIGNEE, minutes(3)));
    given(unlocked)
        .when(t -> t.assign(AGENT, assignee(AGENT), minutes(4)))
        .thenTicket(t -> assertThat(t.assigneeId()).contains(AGENT.id()));
  }

  @Test
  void unlocking_a_field_that_is_not_locked_is_not_found() {
    given(locked(LockableField.PRIORITY))
        .when(t -> t.unlock(ADMIN, LockableField.PRIORITY, minutes(2)))
        .thenEvents(FieldUnlocked.class)
        .thenTicket(t -> assertThat(t.locks()).isEmpty());
    given(opened())
        .when(t -> t.unlock(ADMIN, LockableField.CATEGORY, minutes(2)))
        .thenRefused(ErrorCode.NOT_FOUND);
  }

  @Test
  void staff_add_new_tags_one_event_each_and_remove_them() {
    Tags two = Tags.of(List.of("Billing", "vip")).orElseThrow();
    given(opened())
        .when(t -> t.addTags(AGENT, two, minutes(1)))
        .thenEvents(TagAdded.class, TagAdded.class)
        .thenTicket(
            t ->
                assertThat(t.tags().values())
                    .endsWith("billing", "vip")
                    .hasSize(opened().tags().values().size() + 2));
    Ticket tagged = apply(opened().addTags(AGENT, two, minutes(1)));
    given(tagged).when(t -> t.addTags(AGENT, two, minutes(2))).thenEvents();
    given(tagged)
        .when(t -> t.removeTag(AGENT, "VIP", minutes(2)))
        .thenEvents(TagRemoved.class)
        .thenTicket(t -> assertThat(t.tags().values()).contains("billing").doesNotContain("vip"));
    given(tagged)
        .when(t -> t.removeTag(AGENT, "urgent", minutes(2)))
        .thenRefused(ErrorCode.NOT_FOUND);
    given(tagged).when(t -> t.addTags(REQUESTER, two, minutes(2))).thenRefused(ErrorCode.FORBIDDEN);
  }

  @Test
  void a_ticket_holds_at_most_twenty_tags() {
    List<String> twenty = new java.util.ArrayList<>();
    for (int i = opened().tags().values().size(); i < 20; i++) {
      twenty.add("t" + i);
    }
    Ticket full = apply(opened().addTags(AGENT, Tags.of(twenty).orElseThrow(), minutes(1)));
    given(full)
        .when(t -> t.addTags(AGENT, Tags.of(List.of("one-more")).orElseThrow(), minutes(2)))
        .thenRefused(ErrorCode.VALIDATION_FAILED);
  }
}
