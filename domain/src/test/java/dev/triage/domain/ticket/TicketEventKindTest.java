package dev.triage.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TicketEventKindTest {

  @Test
  void the_type_names_published_so_far_stay_as_they_are_in_their_order() {
    // These names are in the public API (stored events, webhook subscriptions and payloads, live
    // streams, notifications): renaming or dropping one breaks clients. A new event may join
    // anywhere; TicketEventTest checks that every event record has its kind.
    assertThat(TicketEventKind.typeNames())
        .containsSubsequence(
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
  void the_type_names_follow_the_kinds_in_their_order_without_repeats() {
    assertThat(TicketEventKind.typeNames())
        .containsExactlyElementsOf(
            Arrays.stream(TicketEventKind.values()).map(TicketEventKind::typeName).toList())
        .doesNotHaveDuplicates();
  }

  @Test
  void a_kind_is_found_by_its_exact_type_name_only() {
    for (TicketEventKind kind : TicketEventKind.values()) {
      assertThat(TicketEventKind.named(kind.typeName())).contains(kind);
    }
    assertThat(TicketEventKind.named("TicketExploded")).isEmpty();
    assertThat(TicketEventKind.named("ticketcreated")).isEmpty();
    assertThat(TicketEventKind.named("TICKET_CREATED")).isEmpty();
    assertThat(TicketEventKind.named(null)).isEmpty();
  }
}
