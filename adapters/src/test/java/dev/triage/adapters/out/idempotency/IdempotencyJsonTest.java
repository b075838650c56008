package dev.triage.adapters.out.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.application.identity.UserView;
import dev.triage.application.identity.apitoken.ApiTokenView;
import dev.triage.application.identity.apitoken.CreateApiToken;
import dev.triage.application.identity.session.Login;
import dev.triage.application.identity.session.RefreshSession;
import dev.triage.application.identity.session.Session;
import dev.triage.application.port.Calendars;
import dev.triage.application.port.SlaPolicies;
import dev.triage.application.sla.AppliedSla;
import dev.triage.application.sla.SlaClocks;
import dev.triage.application.sla.TicketSlaState;
import dev.triage.application.ticket.CommentView;
import dev.triage.application.ticket.TicketView;
import dev.triage.application.ticket.change.CommentResult;
import dev.triage.application.ticket.change.EditTicket;
import dev.triage.application.ticket.create.CreateTicket;
import dev.triage.domain.sla.BusinessCalendar;
import dev.triage.domain.sla.CalendarRef;
import dev.triage.domain.sla.CalendarVersion;
import dev.triage.domain.sla.ClockState;
import dev.triage.domain.sla.ClockStatus;
import dev.triage.domain.sla.SlaPolicyDefinition;
import dev.triage.domain.sla.SlaPolicyRef;
import dev.triage.domain.sla.SlaPolicyVersion;
import dev.triage.domain.sla.SlaStatus;
import dev.triage.domain.ticket.Description;
import dev.triage.domain.ticket.NextReplyFacts;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.Tags;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.TicketNumber;
import dev.triage.domain.ticket.Title;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdempotencyJsonTest {

  final IdempotencyJson json = new IdempotencyJson();
  final Instant now = Instant.parse("2026-11-23T10:15:30.123456Z");
  final UserId customer = UserId.of(UUID.fromString("0194d2a0-0000-7000-8000-000000000001"));

  TicketView openedTicket() {
    Ticket ticket =
        Ticket.open(
                TicketId.of(UUID.fromString("0194d2a0-0000-7000-8000-0000000000aa")),
                TicketNumber.of("TCK", 2026, 42),
                Actor.of(customer, Role.CUSTOMER),
                Title.of("Printer on fire").orElseThrow(),
                Description.of("Third floor, since 9:00.").orElseThrow(),
                Priority.HIGH,
                Optional.empty(),
                Tags.of(List.of("printer", "urgent")).orElseThrow(),
                now)
            .orElseThrow()
            .ticket();
    AppliedSla applied =
        new AppliedSla(
            UUID.randomUUID(),
            new SlaPolicyVersion(
                new SlaPolicyRef(SlaPolicies.DEFAULT, "default", 1),
                true,
                SlaPolicyDefinition.defaults(Calendars.TWENTY_FOUR_SEVEN)),
            UUID.randomUUID(),
            new CalendarVersion(
                new CalendarRef(Calendars.TWENTY_FOUR_SEVEN, "24x7", 1),
                BusinessCalendar.twentyFourSeven()),
            List.of());
    TicketSlaState state = new TicketSlaState(applied.ids(), NextReplyFacts.none());
    return TicketView.of(ticket, SlaClocks.evaluate(ticket, state, applied, now.plusSeconds(90)));
  }

  /** The same ticket with every optional part present, and one clock stopped. */
  TicketView closedTicket() {
    TicketView t = openedTicket();
    ClockStatus stopped =
        new ClockStatus(
            t.sla().firstResponse().clock(),
            Duration.ofHours(1),
            now.plusSeconds(3600),
            now.plusSeconds(2700),
            Duration.ofMinutes(12).plusNanos(5_000),
            Duration.ofMinutes(48).minusNanos(5_000),
            ClockState.STOPPED,
            false,
            false,
            Optional.of(now.plusSeconds(720)));
    return new TicketView(
        t.id(),
        t.number(),
        t.title(),
        t.description(),
        Priority.CRITICAL,
        Status.CLOSED,
        Optional.of("hardware"),
        t.tags(),
        t.requesterId(),
        Optional.of(UserId.of(UUID.randomUUID())),
        t.createdAt(),
        now.plusSeconds(7200),
        Optional.of(now.plusSeconds(720)),
        Optional.of(now.plusSeconds(3600)),
        Optional.of(now.plusSeconds(7200)),
        2,
        7,
        new SlaStatus(now.plusSeconds(7200), stopped, t.sla().resolution()),
        t.slaPolicy(),
        List.of("priority", "assigneeId"),
        Map.of(),
        Optional.of(UUID.randomUUID()));
  }

  Object roundTrip(Object value) {
    return json.decode(json.encode(value));
  }

  @Test
  void a_ticket_reads_back_equal_with_its_value_types_and_both_sla_clocks() {
    for (TicketView ticket : List.of(openedTicket(), closedTicket())) {
      Object back = roundTrip(ticket);

      assertThat(back).isInstanceOf(TicketView.class).isEqualTo(ticket);
      assertThat(((TicketView) back).sla()).isEqualTo(ticket.sla());
    }
  }

  @Test
  void every_other_command_answer_reads_back_as_the_same_type_and_value() {
    CommentView comment =
        new CommentView(
            UUID.randomUUID(),
            UUID.randomUUID(),
            customer.value(),
            "It still smokes.",
            false,
            now,
            Optional.empty(),
            Optional.empty());
    CommentView redacted =
        new CommentView(
            UUID.randomUUID(),
            UUID.randomUUID(),
            customer.value(),
            "",
            true,
            now,
            Optional.of(UUID.randomUUID()),
            Optional.of(now.plusSeconds(5)));
    Session session = new Session("eyJhbGciOiJSUzI1NiJ9.e30.sig", 900, "refresh-secret");
    List<Object> answers =
        List.of(
            new UserView(customer, "ada@example.com", "Ada", Role.CUSTOMER, true, false),
            session,
            new RefreshSession.Outcome.Renewed(session),
            new RefreshSession.Outcome.Refused("This refresh token was already used."),
            new ApiTokenView(
                UUID.randomUUID(),
                "ci",
                List.of("tickets:read", "tickets:write"),
                customer.value(),
                now,
                Optional.of(now.plusSeconds(3600)),
                Optional.empty(),
                Optional.empty(),
                Optional.of("trg_secret")),
            comment,
            redacted,
            new CommentResult(Optional.of(comment), Optional.empty()),
            new CommentResult(Optional.empty(), Optional.of(openedTicket())),
            Boolean.TRUE,
            Boolean.FALSE);

    for (Object answer : answers) {
      assertThat(roundTrip(answer)).as(answer.getClass().getName()).isEqualTo(answer);
    }
  }

  @Test
  void no_answer_reads_back_as_no_answer() {
    assertThat(roundTrip(null)).isNull();
  }

  @Test
  void a_stored_type_outside_the_application_is_never_instantiated() {
    byte[] forged =
        "{\"type\":\"java.net.URL\",\"value\":\"http://example.com\"}"
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> json.decode(forged)).hasMessageContaining("never stored");
  }

  @Test
  void the_canonical_form_of_a_command_names_its_type_and_does_not_depend_on_instances() {
    CreateTicket a = new CreateTicket("Printer", "On fire", Priority.HIGH, null, List.of("x"));
    CreateTicket b = new CreateTicket("Printer", "On fire", Priority.HIGH, null, List.of("x"));
    CreateTicket other = new CreateTicket("Printer", "On fire", Priority.LOW, null, List.of("x"));

    String text = new String(json.canonical(a), StandardCharsets.UTF_8);

    assertThat(json.canonical(a)).isEqualTo(json.canonical(b)).isNotEqualTo(json.canonical(other));
    assertThat(text)
        .startsWith(
            CreateTicket.class.getName()
                + "\n{\"attachments\":null,\"category\":null,\"channel\":null,"
                + "\"description\":");
  }

  @Test
  void the_canonical_form_covers_every_field_including_secrets_and_preconditions() {
    assertThat(json.canonical(new Login("ada@example.com", "one password")))
        .isNotEqualTo(json.canonical(new Login("ada@example.com", "another password")));
    assertThat(
            json.canonical(
                new EditTicket("TCK-2026-000042", Optional.of(3L), "t", null, null, null, null)))
        .isNotEqualTo(
            json.canonical(
                new EditTicket("TCK-2026-000042", Optional.of(4L), "t", null, null, null, null)));
    assertThat(json.canonical(new CreateApiToken("ci", List.of("tickets:read"), null)))
        .isNotEqualTo(json.canonical(new CreateApiToken("ci", List.of("admin"), null)));
  }
}
