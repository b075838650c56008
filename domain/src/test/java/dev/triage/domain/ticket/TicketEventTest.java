package dev.triage.domain.ticket;

import static dev.triage.domain.testing.TicketMother.AGENT;
import static dev.triage.domain.testing.TicketMother.minutes;
import static dev.triage.domain.testing.TicketMother.opened;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TicketEventTest {

  @Test
  void every_event_of_domain_md_exists_and_its_type_is_its_name() {
    assertThat(Arrays.stream(TicketEvent.class.getPermittedSubclasses()).map(Class::getSimpleName))
        .containsExactlyInAnyOrder(
            "TicketCreated",
            "TicketEdited",
            "StatusChanged",
            "TicketAssigned",
            "TicketUnassigned",
            "CommentAdded",
            "InternalNoteAdded",
            "CommentRedacted",
            "PriorityChanged",
            "TicketEscalated",
            "SlaWarning",
            "SlaBreached",
            "TicketResolved",
            "TicketClosed",
            "TicketReopened",
            "FollowUpCreated");
  }

  @Test
  void the_stable_type_name_matches_the_record_name() {
    TicketEvent escalated =
        opened().escalate(AGENT, Optional.empty(), minutes(1)).orElseThrow().events().getFirst();
    assertThat(escalated.type()).isEqualTo(escalated.getClass().getSimpleName());
  }
}
