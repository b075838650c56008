package dev.triage.application.calendar;

import static dev.triage.application.fakes.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.application.Page;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.CalendarUsage;
import dev.triage.application.port.Calendars;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.sla.BusinessCalendar;
import dev.triage.domain.sla.CalendarId;
import dev.triage.domain.sla.CalendarRef;
import dev.triage.domain.sla.CalendarVersion;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.Caller;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The calendar use cases against an in-memory store that keeps every version. */
class CalendarHandlersTest {

  static final Instant T0 = Instant.parse("2026-11-20T10:15:30Z");

  /** Calendars in memory: every version ever written, and which is current. */
  static final class InMemoryCalendars implements Calendars {
    final List<Stored> versions = new ArrayList<>();
    final Map<CalendarId, Stored> current = new LinkedHashMap<>();

    private boolean nameTaken(String name, CalendarId except) {
      return current.values().stream()
          .anyMatch(
              c ->
                  !c.id().equals(except)
                      && c.version()
                          .ref()
                          .name()
                          .toLowerCase(Locale.ROOT)
                          .equals(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public Uni<Boolean> add(Stored calendar) {
      if (nameTaken(calendar.version().ref().name(), calendar.id())) {
        return Uni.createFrom().item(false);
      }
      versions.add(calendar);
      current.put(calendar.id(), calendar);
      return Uni.createFrom().item(true);
    }

    @Override
    public Uni<Optional<Stored>> lock(CalendarId id) {
      return current(id);
    }

    @Override
    public Uni<Boolean> change(Stored next) {
      if (nameTaken(next.version().ref().name(), next.id())) {
        return Uni.createFrom().item(false);
      }
      versions.add(next);
      current.put(next.id(), next);
      return Uni.createFrom().item(true);
    }

    @Override
    public Uni<Void> delete(CalendarId id, Instant at) {
      current.remove(id);
      return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Optional<Stored>> current(CalendarId id) {
      return Uni.createFrom().item(Optional.ofNullable(current.get(id)));
    }

    @Override
    public Uni<List<Stored>> page(Optional<Position> after, int limit) {
      Comparator<Stored> order =
          Comparator.comparing((Stored c) -> c.version().ref().name())
              .thenComparing(c -> c.id().value());
      return Uni.createFrom()
          .item(
              current.values().stream()
                  .sorted(order)
                  .filter(
                      c ->
                          after.isEmpty()
                              || c.version().ref().name().compareTo(after.get().name()) > 0
                              || (c.version().ref().name().equals(after.get().name())
                                  && c.id().value().compareTo(after.get().id()) > 0))
                  .limit(limit)
                  .toList());
    }
  }

  final InMemoryCalendars calendars = new InMemoryCalendars();
  final CalendarUsage usage =
      id ->
          Uni.createFrom()
              .item(
                  id.equals(Calendars.TWENTY_FOUR_SEVEN)
                      ? Optional.of("the default policy")
                      : Optional.empty());
  final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  final Random random = new Random(17);
  final Actor admin = Actor.of(UserId.of(UUID.randomUUID()), Role.ADMIN);

  RequestContext context() {
    return RequestContext.of(Caller.person(admin), "req-1", "203.0.113.7");
  }

  static <T> T ok(Uni<Result<T>> result) {
    Result<T> r = result.await().indefinitely();
    assertThat(r).isInstanceOf(Result.Ok.class);
    return r.orElseThrow();
  }

  static <T> Result<T> answer(Uni<Result<T>> result) {
    return result.await().indefinitely();
  }

  static CalendarInput berlin(String name) {
    Map<String, List<CalendarInput.Interval>> week = new LinkedHashMap<>();
    for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
      week.put(day, List.of(new CalendarInput.Interval("09:00", "17:00")));
    }
    return new CalendarInput(
        name,
        "Europe/Berlin",
        week,
        List.of(new CalendarInput.HolidayInput("2026-12-24", "Christmas Eve", null)));
  }

  CalendarView create(CalendarInput input) {
    return ok(
        new CreateCalendarHandler(calendars, clock, random)
            .handle(new CreateCalendar(input), context()));
  }

  Result<CalendarView> change(String id, Optional<Long> ifMatch, CalendarInput input) {
    return answer(
        new ChangeCalendarHandler(calendars, clock, random)
            .handle(new ChangeCalendar(id, ifMatch, input), context()));
  }

  @Test
  void a_new_calendar_is_version_1_in_the_shape_the_client_wrote_and_is_audited() {
    RequestContext context = context();
    CalendarView view =
        ok(
            new CreateCalendarHandler(calendars, clock, random)
                .handle(new CreateCalendar(berlin("Berlin")), context));

    assertThat(view.version()).isEqualTo(1);
    assertThat(view.timeZone()).isEqualTo("Europe/Berlin");
    assertThat(view.week().keySet())
        .containsExactly("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
    assertThat(view.week().get("MONDAY")).containsExactly(new CalendarView.Hours("09:00", "17:00"));
    assertThat(view.holidays())
        .containsExactly(new CalendarView.DayOff("2026-12-24", "Christmas Eve", false));
    assertThat(context.effects().change())
        .hasValueSatisfying(
            c -> {
              assertThat(c.entityType()).isEqualTo(CalendarView.ENTITY);
              assertThat(c.before()).isEmpty();
              assertThat(c.after()).contains(view);
            });
  }

  @Test
  void each_refusal_names_the_field_as_the_body_spells_it() {
    Map<String, List<CalendarInput.Interval>> overlapping = new LinkedHashMap<>();
    overlapping.put(
        "MONDAY",
        List.of(
            new CalendarInput.Interval("09:00", "17:00"),
            new CalendarInput.Interval("12:00", "13:00")));
    Map<String, List<CalendarInput.Interval>> badTime = new LinkedHashMap<>();
    badTime.put("MONDAY", List.of(new CalendarInput.Interval("24:00", "17:00")));
    record Case(CalendarInput input, String field) {}
    List<Case> cases =
        List.of(
            new Case(
                new CalendarInput("Mars", "Mars/Olympus", berlin("x").week(), null), "timeZone"),
            new Case(
                new CalendarInput("Overlap", "Europe/Berlin", overlapping, null), "week.MONDAY[1]"),
            new Case(new CalendarInput("Idle", "Europe/Berlin", Map.of(), null), "week"),
            new Case(
                new CalendarInput("Time", "Europe/Berlin", badTime, null), "week.MONDAY[0].start"),
            new Case(
                new CalendarInput(
                    "Old",
                    "Europe/Berlin",
                    berlin("x").week(),
                    List.of(new CalendarInput.HolidayInput("1900-01-01", "Old", false))),
                "holidays[0].date"),
            new Case(new CalendarInput(" ", "Europe/Berlin", berlin("x").week(), null), "name"));
    for (Case c : cases) {
      Result<CalendarView> refused =
          answer(
              new CreateCalendarHandler(calendars, clock, random)
                  .handle(new CreateCalendar(c.input()), context()));
      assertRejected(refused, ErrorCode.VALIDATION_FAILED);
      assertThat(((Result.Err<CalendarView>) refused).fieldErrors())
          .as(c.field())
          .containsOnlyKeys(c.field());
    }
    assertThat(calendars.versions).isEmpty();
  }

  @Test
  void a_change_is_the_next_version_and_the_earlier_one_is_kept_as_it_was() {
    CalendarView first = create(berlin("Berlin"));
    Calendars.Stored v1 = calendars.versions.getFirst();

    CalendarInput later =
        new CalendarInput(
            "Berlin",
            "Europe/Berlin",
            Map.of("MONDAY", List.of(new CalendarInput.Interval("08:00", "16:00"))),
            null);
    CalendarView second = change(first.id().toString(), Optional.of(1L), later).orElseThrow();

    assertThat(second.version()).isEqualTo(2);
    assertThat(second.week()).containsOnlyKeys("MONDAY");
    assertThat(calendars.versions).hasSize(2);
    assertThat(calendars.versions.getFirst()).isSameAs(v1);
    assertThat(CalendarView.of(v1)).isEqualTo(first);

    assertRejected(
        change(first.id().toString(), Optional.of(1L), berlin("Berlin")),
        ErrorCode.VERSION_MISMATCH);
    assertThat(change(first.id().toString(), Optional.empty(), later).orElseThrow().version())
        .as("the same definition again")
        .isEqualTo(2);
    assertThat(calendars.versions).hasSize(2);
  }

  @Test
  void names_are_unique_whatever_their_case() {
    create(berlin("Berlin"));
    assertRejected(
        answer(
            new CreateCalendarHandler(calendars, clock, random)
                .handle(new CreateCalendar(berlin("BERLIN")), context())),
        ErrorCode.CONFLICT);
    CalendarView paris = create(berlin("Paris"));
    assertRejected(
        change(paris.id().toString(), Optional.empty(), berlin("berlin")), ErrorCode.CONFLICT);
  }

  @Test
  void a_calendar_a_policy_uses_cannot_be_deleted_and_any_other_can() {
    DeleteCalendarHandler delete = new DeleteCalendarHandler(calendars, usage, clock);
    Calendars.Stored seeded =
        new Calendars.Stored(
            new CalendarVersion(
                new CalendarRef(Calendars.TWENTY_FOUR_SEVEN, "24x7", 1),
                BusinessCalendar.twentyFourSeven()),
            UUID.randomUUID(),
            UUID.randomUUID(),
            T0);
    calendars.add(seeded).await().indefinitely();

    Result<Boolean> refused =
        answer(
            delete.handle(
                new DeleteCalendar(Calendars.TWENTY_FOUR_SEVEN.toString(), Optional.empty()),
                context()));
    assertRejected(refused, ErrorCode.CONFLICT);
    assertThat(calendars.current).containsKey(Calendars.TWENTY_FOUR_SEVEN);

    CalendarView berlin = create(berlin("Berlin"));
    RequestContext context = context();
    assertThat(
            ok(
                delete.handle(
                    new DeleteCalendar(berlin.id().toString(), Optional.empty()), context)))
        .isTrue();
    assertThat(context.effects().change()).hasValueSatisfying(c -> assertThat(c.after()).isEmpty());
    assertRejected(
        answer(
            new FindCalendarHandler(calendars)
                .handle(new FindCalendar(berlin.id().toString()), context())),
        ErrorCode.NOT_FOUND);
    assertRejected(
        answer(
            new FindCalendarHandler(calendars).handle(new FindCalendar("not-a-uuid"), context())),
        ErrorCode.NOT_FOUND);
  }

  @Test
  void the_list_is_paged_by_name() {
    for (String name : List.of("Charlie", "Alpha", "Bravo")) {
      create(berlin(name));
    }
    ListCalendarsHandler list = new ListCalendarsHandler(calendars);
    Page<CalendarView> first = ok(list.handle(new ListCalendars(Optional.empty(), 2), context()));
    assertThat(first.items()).extracting(CalendarView::name).containsExactly("Alpha", "Bravo");
    Page<CalendarView> second = ok(list.handle(new ListCalendars(first.next(), 2), context()));
    assertThat(second.items()).extracting(CalendarView::name).containsExactly("Charlie");
    assertThat(second.next()).isEmpty();
    assertRejected(
        answer(list.handle(new ListCalendars(Optional.of("no position"), 2), context())),
        ErrorCode.MALFORMED_REQUEST);
  }
}
