package dev.triage.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.domain.ticket.TicketEventKind;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.UserId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The exclusions hold for every event type and every cast of people, whoever plays two parts. */
class NotificationPolicyPropertiesTest {

  /** Every event type there is, and one no event has. */
  private static final List<String> TYPES =
      Stream.concat(TicketEventKind.typeNames().stream(), Stream.of("NoSuchEvent")).toList();

  /** A small cast, the system actor among them, so the same person often plays several parts. */
  private static Arbitrary<UserId> people() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(1, 4).map(n -> UserId.of(new UUID(0x1000L, n))),
        Arbitraries.just(Actor.SYSTEM_ID));
  }

  private static Arbitrary<Optional<UserId>> maybe() {
    return people().optional(0.7);
  }

  @Provide
  Arbitrary<Occurrence> occurrences() {
    return Combinators.combine(
            Arbitraries.of(TYPES),
            Arbitraries.of(true, false),
            people(),
            people(),
            maybe(),
            maybe(),
            maybe())
        .as(Occurrence::new);
  }

  @Property(tries = 2000)
  void nobody_hears_of_their_own_act_nor_the_system_and_each_hears_once(
      @ForAll("occurrences") Occurrence o) {
    List<UserId> users = NotificationPolicy.recipients(o).stream().map(Recipient::userId).toList();
    assertThat(users).doesNotContain(o.actor(), Actor.SYSTEM_ID).doesNotHaveDuplicates();
  }

  @Property(tries = 2000)
  void an_internal_event_never_reaches_the_requester(@ForAll("occurrences") Occurrence o) {
    Occurrence internal =
        new Occurrence(
            o.type(),
            true,
            o.actor(),
            o.requester(),
            o.assignee(),
            o.newAssignee(),
            o.previousAssignee());
    assertThat(NotificationPolicy.recipients(internal))
        .extracting(Recipient::userId)
        .doesNotContain(o.requester());
  }

  @Property(tries = 2000)
  void only_the_people_of_the_ticket_ever_hear(@ForAll("occurrences") Occurrence o) {
    for (Recipient r : NotificationPolicy.recipients(o)) {
      assertThat(
              List.of(
                  Optional.of(o.requester()), o.assignee(), o.newAssignee(), o.previousAssignee()))
          .contains(Optional.of(r.userId()));
    }
  }
}
