package dev.triage.domain.ticket;

import static dev.triage.domain.testing.TicketMother.ADMIN;
import static dev.triage.domain.testing.TicketMother.AGENT;
import static dev.triage.domain.testing.TicketMother.OTHER_CUSTOMER;
import static dev.triage.domain.testing.TicketMother.REQUESTER;
import static dev.triage.domain.testing.TicketMother.inStatus;
import static dev.triage.domain.testing.TicketMother.minutes;
import static dev.triage.domain.testing.TicketMother.opened;
import static dev.triage.domain.testing.TicketScenario.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.ticket.TicketEvent.PriorityChanged;
import dev.triage.domain.ticket.TicketEvent.TicketEdited;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TicketEditingTest {

  private static final TicketEdit NEW_TITLE =
      TicketEdit.none().withTitle(Title.of("Printer still on fire").orElseThrow());

  @Test
  void the_requester_edits_title_and_description_while_open() {
    TicketEdit edit =
        NEW_TITLE.withDescription(Description.of("Now with smoke alarms.").orElseThrow());
    given(opened())
        .when(t -> t.edit(REQUESTER, edit, minutes(5)))
        .thenEvents(TicketEdited.class)
        .thenEventsSatisfy(
            events ->
                assertThat(((TicketEdited) events.getFirst()).fields())
                    .containsExactly("title", "description"))
        .thenTicket(
            t -> {
              assertThat(t.title().value()).isEqualTo("Printer still on fire");
              assertThat(t.updatedAt()).isEqualTo(minutes(5));
            });
  }

  @ParameterizedTest(name = "requester editing a {0} ticket is refused")
  @EnumSource(
      value = Status.class,
      names = {"IN_PROGRESS", "PENDING_CUSTOMER", "RESOLVED"})
  void the_requester_may_not_edit_once_work_has_started(Status status) {
    given(inStatus(status))
        .when(t -> t.edit(REQUESTER, NEW_TITLE, minutes(30)))
        .thenRefused(ErrorCode.FORBIDDEN, "only while the ticket is OPEN", status.name());
  }

  @Test
  void the_requester_may_not_change_category_tags_or_priority() {
    for (TicketEdit edit :
        List.of(
            TicketEdit.none().withPriority(Priority.CRITICAL),
            TicketEdit.none().withTags(Tags.of(List.of("urgent")).orElseThrow()),
            TicketEdit.none().withoutCategory())) {
      given(opened())
          .when(t -> t.edit(REQUESTER, edit, minutes(5)))
          .thenRefused(ErrorCode.FORBIDDEN, "Only staff");
    }
  }

  @ParameterizedTest(name = "staff edit a {0} ticket")
  @EnumSource(
      value = Status.class,
      names = {"OPEN", "IN_PROGRESS", "PENDING_CUSTOMER", "RESOLVED"})
  void staff_edit_every_field_any_time_before_closed(Status status) {
    TicketEdit edit =
        NEW_TITLE
            .withCategory(Category.of("facilities").orElseThrow())
            .withTags(Tags.of(List.of("fire")).orElseThrow())
            .withPriority(Priority.HIGH);
    given(inStatus(status))
        .when(t -> t.edit(AGENT, edit, minutes(30)))
        .thenEvents(TicketEdited.class, PriorityChanged.class)
        .thenEventsSatisfy(
            events -> {
              assertThat(((TicketEdited) events.get(0)).fields())
                  .containsExactly("title", "category", "tags");
              assertThat(events.get(1))
                  .isEqualTo(
                      new PriorityChanged(
                          events.get(1).ticketId(),
                          AGENT,
                          minutes(30),
                          Priority.MEDIUM,
                          Priority.HIGH));
            });
  }

  @Test
  void nobody_edits_a_closed_ticket() {
    for (var actor : List.of(REQUESTER, AGENT, ADMIN)) {
      given(inStatus(Status.CLOSED))
          .when(t -> t.edit(actor, NEW_TITLE, minutes(30)))
          .thenRefused(ErrorCode.CONFLICT, "CLOSED, which is final");
    }
  }

  @Test
  void another_customer_editing_is_told_the_ticket_does_not_exist() {
    given(opened())
        .when(t -> t.edit(OTHER_CUSTOMER, NEW_TITLE, minutes(5)))
        .thenRefused(ErrorCode.NOT_FOUND);
  }

  @Test
  void an_edit_that_changes_nothing_keeps_the_version_and_emits_nothing() {
    Ticket t = opened();
    given(t)
        .when(x -> x.edit(AGENT, TicketEdit.none().withTitle(t.title()), minutes(5)))
        .thenEvents()
        .thenTicket(after -> assertThat(after).isEqualTo(t));
  }

  @Test
  void staff_may_clear_the_category() {
    given(opened())
        .when(t -> t.edit(ADMIN, TicketEdit.none().withoutCategory(), minutes(5)))
        .thenEvents(TicketEdited.class)
        .thenTicket(t -> assertThat(t.category()).isEmpty());
  }
}
