package dev.triage.domain.escalation;

import static dev.triage.domain.testing.TicketMother.AGENT;
import static dev.triage.domain.testing.TicketMother.apply;
import static dev.triage.domain.testing.TicketMother.inStatus;
import static dev.triage.domain.testing.TicketMother.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketEdit;
import dev.triage.domain.ticket.Title;
import dev.triage.domain.user.Actor;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AutoClosePolicyTest {

  private static final AutoClosePolicy POLICY = AutoClosePolicy.defaults();

  /** RESOLVED at T0+3 min (see TicketMother). */
  private static final Instant RESOLVED_AT = minutes(3);

  @Test
  void a_resolved_ticket_idle_for_seven_days_is_closed_by_the_system() {
    Ticket resolved = inStatus(Status.RESOLVED);
    Instant weekLater = RESOLVED_AT.plus(Duration.ofDays(7));
    assertThat(POLICY.isDue(resolved, weekLater.minusSeconds(1))).isFalse();
    assertThat(POLICY.isDue(resolved, weekLater)).isTrue();
    Ticket closed = POLICY.apply(resolved, weekLater).orElseThrow().ticket();
    assertThat(closed.status()).isEqualTo(Status.CLOSED);
    assertThat(closed.closedAt()).contains(weekLater);
    assertThat(POLICY.apply(closed, weekLater.plusSeconds(5))).isEmpty();
  }

  @Test
  void activity_on_a_resolved_ticket_restarts_the_idle_period() {
    Ticket edited =
        apply(
            inStatus(Status.RESOLVED)
                .edit(
                    AGENT,
                    TicketEdit.none().withTitle(Title.of("Printer fixed").orElseThrow()),
                    minutes(60 * 24 * 3)));
    assertThat(POLICY.isDue(edited, RESOLVED_AT.plus(Duration.ofDays(7)))).isFalse();
    assertThat(POLICY.isDue(edited, minutes(60 * 24 * 10))).isTrue();
  }

  @Test
  void sla_bookkeeping_does_not_count_as_activity() {
    Ticket t =
        apply(
            inStatus(Status.RESOLVED)
                .recordSlaWarning(
                    dev.triage.domain.ticket.SlaClock.FIRST_RESPONSE, minutes(240), minutes(200)));
    assertThat(POLICY.isDue(t, RESOLVED_AT.plus(Duration.ofDays(7)))).isTrue();
  }

  @Test
  void tickets_in_other_statuses_are_never_auto_closed() {
    Instant muchLater = minutes(60 * 24 * 30);
    for (Status s : new Status[] {Status.OPEN, Status.IN_PROGRESS, Status.PENDING_CUSTOMER}) {
      assertThat(POLICY.isDue(inStatus(s), muchLater)).isFalse();
    }
  }

  @Test
  void the_close_is_recorded_as_the_system_and_automatic() {
    var change = POLICY.apply(inStatus(Status.RESOLVED), minutes(60 * 24 * 8)).orElseThrow();
    assertThat(change.events()).allSatisfy(e -> assertThat(e.actor()).isEqualTo(Actor.system()));
    assertThat(POLICY.idleSinceAtOrBefore(minutes(60 * 24 * 8))).isEqualTo(minutes(60 * 24));
  }
}
