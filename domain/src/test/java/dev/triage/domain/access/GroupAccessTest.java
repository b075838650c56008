package dev.triage.domain.access;

import static dev.triage.domain.testing.TicketMother.ADMIN;
import static dev.triage.domain.testing.TicketMother.AGENT;
import static dev.triage.domain.testing.TicketMother.REQUESTER;
import static dev.triage.domain.testing.TicketMother.T0;
import static dev.triage.domain.testing.TicketMother.minutes;
import static dev.triage.domain.testing.TicketMother.number;
import static dev.triage.domain.testing.TicketMother.opened;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Assignee;
import dev.triage.domain.ticket.Description;
import dev.triage.domain.ticket.LockableField;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Tags;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import dev.triage.domain.ticket.TicketEdit;
import dev.triage.domain.ticket.TicketEvent;
import dev.triage.domain.ticket.TicketEventKind;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.Title;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Groups: who sees a ticket of a group, who may be given it, and what a group change emits. */
class GroupAccessTest {

  private static final AccessPolicy POLICY = AccessPolicy.defaults();
  private static final UUID BILLING = new UUID(0x2000L, 1);
  private static final UUID NETWORK = new UUID(0x2000L, 2);
  private static final Actor BILLING_ONLY =
      new Actor(UserId.of(new UUID(0x1000L, 10)), Role.AGENT, true, Set.of(BILLING));
  private static final Actor IN_NETWORK =
      new Actor(UserId.of(new UUID(0x1000L, 11)), Role.AGENT, false, Set.of(NETWORK));

  private static Ticket inGroup(Optional<UUID> group) {
    return Ticket.open(
            TicketId.newId(T0, new SplittableRandom(7)),
            number(7),
            ADMIN,
            Title.of("VPN drops").orElseThrow(),
            Description.of("Every ten minutes.").orElseThrow(),
            Priority.MEDIUM,
            Optional.empty(),
            Tags.of(List.of()).orElseThrow(),
            group,
            T0)
        .orElseThrow()
        .ticket();
  }

  private static ErrorCode refusal(Result<?> result) {
    return ((Result.Err<?>) result).code();
  }

  @Test
  void a_restricted_agent_sees_only_tickets_of_their_groups_and_the_scope_agrees() {
    Ticket billing = inGroup(Optional.of(BILLING));
    Ticket network = inGroup(Optional.of(NETWORK));
    Ticket none = inGroup(Optional.empty());

    assertThat(POLICY.canSee(BILLING_ONLY, billing)).isTrue();
    assertThat(POLICY.canSee(BILLING_ONLY, network)).isFalse();
    assertThat(POLICY.canSee(BILLING_ONLY, none)).isFalse();
    TicketScope scope = POLICY.scope(BILLING_ONLY);
    for (Ticket t : List.of(billing, network, none)) {
      assertThat(scope.includes(t)).isEqualTo(POLICY.canSee(BILLING_ONLY, t));
    }
    assertThat(refusal(POLICY.requireVisible(BILLING_ONLY, network)))
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(
            refusal(
                network.changeStatus(
                    BILLING_ONLY,
                    dev.triage.domain.ticket.Status.IN_PROGRESS,
                    Optional.empty(),
                    minutes(1))))
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(POLICY.canSeeEvent(BILLING_ONLY, ADMIN.id(), Optional.of(NETWORK), false)).isFalse();
    assertThat(POLICY.canSeeEvent(BILLING_ONLY, ADMIN.id(), Optional.of(BILLING), true)).isTrue();
  }

  @Test
  void unrestricted_staff_and_admins_see_every_group_and_the_flag_never_restricts_an_admin() {
    Actor restrictedAdmin = new Actor(ADMIN.id(), Role.ADMIN, true, Set.of());
    Ticket network = inGroup(Optional.of(NETWORK));

    assertThat(restrictedAdmin.restrictedToGroups()).isFalse();
    assertThat(POLICY.canSee(restrictedAdmin, network)).isTrue();
    assertThat(POLICY.canSee(AGENT, network)).isTrue();
    assertThat(POLICY.scope(AGENT)).isEqualTo(TicketScope.all());
    assertThat(POLICY.canSee(REQUESTER, network)).isFalse();
  }

  @Test
  void a_restricted_agent_opens_tickets_only_in_their_groups_and_a_requester_sees_theirs() {
    Result<TicketChange> outside =
        Ticket.open(
            TicketId.newId(T0, new SplittableRandom(1)),
            number(1),
            BILLING_ONLY,
            Title.of("Invoice").orElseThrow(),
            Description.of("Wrong total.").orElseThrow(),
            Priority.LOW,
            Optional.empty(),
            Tags.of(List.of()).orElseThrow(),
            Optional.empty(),
            T0);
    assertThat(((Result.Err<?>) outside).fieldErrors()).containsKey("groupId");
    Ticket byCustomer =
        Ticket.open(
                TicketId.newId(T0, new SplittableRandom(2)),
                number(2),
                REQUESTER,
                Title.of("Invoice").orElseThrow(),
                Description.of("Wrong total.").orElseThrow(),
                Priority.LOW,
                Optional.empty(),
                Tags.of(List.of()).orElseThrow(),
                Optional.of(BILLING),
                T0)
            .orElseThrow()
            .ticket();
    assertThat(POLICY.canSee(REQUESTER, byCustomer)).isTrue();
    assertThat(POLICY.canSee(BILLING_ONLY, byCustomer)).isTrue();
  }

  @Test
  void a_group_change_is_one_internal_event_and_a_locked_group_is_refused() {
    Ticket t = opened();
    TicketChange moved =
        t.edit(AGENT, TicketEdit.none().withGroup(Optional.of(BILLING)), minutes(1)).orElseThrow();

    assertThat(moved.ticket().groupId()).contains(BILLING);
    assertThat(moved.events()).hasSize(1);
    TicketEvent event = moved.events().getFirst();
    assertThat(event.kind()).isEqualTo(TicketEventKind.GROUP_CHANGED);
    assertThat(event.internal()).isTrue();
    assertThat(
            moved
                .ticket()
                .edit(AGENT, TicketEdit.none().withGroup(Optional.of(BILLING)), minutes(2))
                .orElseThrow()
                .events())
        .isEmpty();

    Ticket locked =
        moved.ticket().lock(ADMIN, Set.of(LockableField.GROUP), minutes(2)).orElseThrow().ticket();
    assertThat(
            refusal(locked.edit(AGENT, TicketEdit.none().withGroup(Optional.empty()), minutes(3))))
        .isEqualTo(ErrorCode.FIELD_LOCKED);
    assertThat(
            refusal(
                t.edit(REQUESTER, TicketEdit.none().withGroup(Optional.of(BILLING)), minutes(1))))
        .isEqualTo(ErrorCode.FORBIDDEN);
  }

  @Test
  void a_ticket_of_a_group_goes_only_to_a_member_unless_the_same_edit_moves_it_to_theirs() {
    Ticket billing = inGroup(Optional.of(BILLING));
    Assignee networker = new Assignee(IN_NETWORK.id(), Role.AGENT, true, IN_NETWORK.groupIds());

    assertThat(refusal(billing.assign(ADMIN, networker, minutes(1)))).isEqualTo(ErrorCode.CONFLICT);
    TicketChange both =
        billing
            .edit(
                ADMIN,
                TicketEdit.none().withGroup(Optional.of(NETWORK)).withAssignee(networker),
                minutes(1))
            .orElseThrow();
    assertThat(both.ticket().groupId()).contains(NETWORK);
    assertThat(both.ticket().assigneeId()).contains(IN_NETWORK.id());
    assertThat(both.events())
        .extracting(TicketEvent::kind)
        .containsExactly(TicketEventKind.GROUP_CHANGED, TicketEventKind.TICKET_ASSIGNED);

    Ticket none = inGroup(Optional.empty());
    assertThat(none.assign(ADMIN, networker, minutes(1)).isOk()).isTrue();
  }
}
