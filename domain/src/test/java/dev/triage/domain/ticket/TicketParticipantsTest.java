package dev.triage.domain.ticket;

import static dev.triage.domain.testing.TicketMother.ADMIN;
import static dev.triage.domain.testing.TicketMother.AGENT;
import static dev.triage.domain.testing.TicketMother.OTHER_AGENT;
import static dev.triage.domain.testing.TicketMother.OTHER_CUSTOMER;
import static dev.triage.domain.testing.TicketMother.REQUESTER;
import static dev.triage.domain.testing.TicketMother.actor;
import static dev.triage.domain.testing.TicketMother.apply;
import static dev.triage.domain.testing.TicketMother.minutes;
import static dev.triage.domain.testing.TicketMother.opened;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.domain.access.AccessPolicy;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Participants.Kind;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.Role;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CCs and followers: who may add and remove them, and what a CC may do. */
class TicketParticipantsTest {

  private static final Actor CC = OTHER_CUSTOMER;
  private static final Actor STRANGER = actor(9, Role.CUSTOMER);

  private static ErrorCode refusal(Result<?> r) {
    return ((Result.Err<?>) r).code();
  }

  @Test
  void a_cc_sees_and_replies_like_the_requester_but_changes_nothing_else() {
    Ticket t = apply(opened().addParticipant(REQUESTER, Kind.CC, CC.id(), minutes(1)));
    assertThat(t.participants().ccIds()).containsExactly(CC.id());
    assertThat(t.isVisibleTo(CC)).isTrue();
    assertThat(t.isVisibleTo(STRANGER)).isFalse();
    assertThat(AccessPolicy.defaults().scope(CC).includes(t)).isTrue();
    assertThat(t.checkComment(CC, false)).isInstanceOf(Result.Ok.class);
    assertThat(refusal(t.checkComment(CC, true))).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(t.allowedNextStatuses(CC, TicketRules.defaults())).isEmpty();
    assertThat(refusal(t.checkFields(CC))).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(refusal(t.addParticipant(CC, Kind.CC, STRANGER.id(), minutes(2))))
        .isEqualTo(ErrorCode.FORBIDDEN);

    Ticket left = apply(t.removeParticipant(CC, Kind.CC, CC.id(), minutes(3)));
    assertThat(left.isVisibleTo(CC)).isFalse();
    assertThat(AccessPolicy.defaults().scope(CC).includes(left)).isFalse();
  }

  @Test
  void adding_twice_changes_nothing_and_the_requester_is_no_cc() {
    Ticket t = apply(opened().addParticipant(AGENT, Kind.CC, CC.id(), minutes(1)));
    TicketChange again = t.addParticipant(REQUESTER, Kind.CC, CC.id(), minutes(2)).orElseThrow();
    assertThat(again.events()).isEmpty();
    assertThat(again.ticket().version()).isEqualTo(t.version());
    assertThat(refusal(t.addParticipant(AGENT, Kind.CC, REQUESTER.id(), minutes(2))))
        .isEqualTo(ErrorCode.VALIDATION_FAILED);
    assertThat(refusal(t.removeParticipant(AGENT, Kind.CC, STRANGER.id(), minutes(2))))
        .isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void followers_are_staff_business_and_their_events_internal() {
    assertThat(refusal(opened().addParticipant(REQUESTER, Kind.FOLLOWER, AGENT.id(), minutes(1))))
        .isEqualTo(ErrorCode.FORBIDDEN);
    TicketChange followed =
        opened().addParticipant(OTHER_AGENT, Kind.FOLLOWER, AGENT.id(), minutes(1)).orElseThrow();
    assertThat(followed.events()).singleElement().matches(TicketEvent::internal);
    assertThat(followed.ticket().isVisibleTo(REQUESTER)).isTrue();
    TicketChange cc = opened().addParticipant(ADMIN, Kind.CC, CC.id(), minutes(1)).orElseThrow();
    assertThat(cc.events()).singleElement().matches(e -> !e.internal());
  }

  @Test
  void a_closed_ticket_takes_no_new_participants_but_lets_them_leave() {
    Ticket t = apply(opened().addParticipant(AGENT, Kind.CC, CC.id(), minutes(1)));
    Ticket closed =
        apply(
            apply(
                    apply(t.changeStatus(AGENT, Status.IN_PROGRESS, Optional.empty(), minutes(2)))
                        .changeStatus(AGENT, Status.RESOLVED, Optional.empty(), minutes(3)))
                .close(ADMIN, Optional.empty(), minutes(4)));
    assertThat(refusal(closed.addParticipant(AGENT, Kind.CC, STRANGER.id(), minutes(5))))
        .isEqualTo(ErrorCode.CONFLICT);
    assertThat(closed.removeParticipant(CC, Kind.CC, CC.id(), minutes(5)))
        .isInstanceOf(Result.Ok.class);
  }
}
