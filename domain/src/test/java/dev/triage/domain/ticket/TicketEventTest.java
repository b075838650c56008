package dev.triage.domain.ticket;

import static dev.triage.domain.testing.TicketMother.AGENT;
import static dev.triage.domain.testing.TicketMother.minutes;
import static dev.triage.domain.testing.TicketMother.opened;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TicketEventTest {

  /**
   * One event of each record of the sealed hierarchy, made by reflection (fine in a test; the main
   * code never reflects): empty optionals and lists, false, zero and null for the rest.
   */
  static List<TicketEvent> oneOfEach() throws ReflectiveOperationException {
    List<TicketEvent> events = new ArrayList<>();
    for (Class<?> type : TicketEvent.class.getPermittedSubclasses()) {
      RecordComponent[] components = type.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      Object[] values = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] = blank(types[i]);
      }
      events.add((TicketEvent) type.getDeclaredConstructor(types).newInstance(values));
    }
    return events;
  }

  private static Object blank(Class<?> type) {
    if (type == Optional.class) {
      return Optional.empty();
    }
    if (type == List.class) {
      return List.of();
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    return null;
  }

  @Test
  void every_event_record_has_a_kind_of_its_own_named_after_the_record()
      throws ReflectiveOperationException {
    List<TicketEvent> events = oneOfEach();

    assertThat(events)
        .extracting(TicketEvent::kind)
        .containsExactlyInAnyOrder(TicketEventKind.values());
    for (TicketEvent event : events) {
      String record = event.getClass().getSimpleName();
      assertThat(event.type()).as(record).isEqualTo(record);
      assertThat(event.kind().typeName()).as(record).isEqualTo(record);
    }
  }

  @Test
  void the_stable_type_name_matches_the_record_name() {
    TicketEvent escalated =
        opened().escalate(AGENT, Optional.empty(), minutes(1)).orElseThrow().events().getFirst();
    assertThat(escalated.type()).isEqualTo(escalated.getClass().getSimpleName());
    assertThat(escalated.kind()).isEqualTo(TicketEventKind.TICKET_ESCALATED);
  }
}
