package dev.triage.domain.sla;

import static dev.triage.domain.testing.TicketMother.AGENT;
import static dev.triage.domain.testing.TicketMother.OTHER_CUSTOMER;
import static dev.triage.domain.testing.TicketMother.REQUESTER;
import static dev.triage.domain.testing.TicketMother.apply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.domain.testing.TicketMother;
import dev.triage.domain.ticket.Category;
import dev.triage.domain.ticket.Description;
import dev.triage.domain.ticket.NextReplyFacts;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.SlaClock;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.Tags;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import dev.triage.domain.ticket.TicketEdit;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.Title;
import dev.triage.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * ADR 17's rules for policies: the first match by position wins, the default always matches,
 * selection reads nothing but the facts its conditions name, and re-pinning a ticket to other
 * versions is the same as measuring a fresh ticket with the same history under them.
 */
class SlaPolicySelectionPropertiesTest {

  private static final List<String> CATEGORIES = List.of("billing", "hardware", "sales");
  private static final List<String> TAGS = List.of("vip", "printer", "urgent", "eu");
  private static final List<UserId> REQUESTERS =
      List.of(REQUESTER.id(), OTHER_CUSTOMER.id(), UserId.of(new UUID(0xAL, 3)));
  private static final List<CalendarId> CALENDARS =
      List.of(CalendarId.of(new UUID(0xCL, 1)), CalendarId.of(new UUID(0xCL, 2)));

  // ---------------------------------------------------------------- generators

  @Provide
  Arbitrary<PolicyFacts> facts() {
    return Combinators.combine(
            Arbitraries.of(Priority.class),
            Arbitraries.of(CATEGORIES).optional(0.7),
            tagLists(),
            Arbitraries.of(REQUESTERS))
        .as(
            (priority, category, tags, requester) ->
                new PolicyFacts(
                    priority,
                    category.map(c -> Category.of(c).orElseThrow()),
                    Tags.of(tags).orElseThrow(),
                    requester));
  }

  @Provide
  Arbitrary<List<String>> tagLists() {
    return Arbitraries.of(TAGS).list().uniqueElements().ofMaxSize(3);
  }

  /** Each list empty half of the time, so some policies read a field and others do not. */
  private static <T> Arbitrary<List<T>> sometimes(Arbitrary<T> values) {
    return Arbitraries.oneOf(
        Arbitraries.just(List.<T>of()), values.list().uniqueElements().ofMinSize(1).ofMaxSize(2));
  }

  private static Arbitrary<PolicyConditions> conditions() {
    Arbitrary<String> categories =
        Arbitraries.of(CATEGORIES).map(c -> c.length() % 2 == 0 ? c.toUpperCase(Locale.ROOT) : c);
    return Combinators.combine(
            sometimes(Arbitraries.of(Priority.class)),
            sometimes(categories),
            sometimes(Arbitraries.of(TAGS)),
            sometimes(Arbitraries.of(REQUESTERS)))
        .as(PolicyConditions::new);
  }

  private static Arbitrary<Duration> targets() {
    return Arbitraries.longs().between(1, 240).map(q -> Duration.ofMinutes(15 * q));
  }

  @Provide
  Arbitrary<Map<Priority, SlaTargets>> newTargets() {
    return targetMaps();
  }

  private static Arbitrary<Map<Priority, SlaTargets>> targetMaps() {
    return Combinators.combine(targets(), targets(), targets())
        .as(SlaTargets::new)
        .list()
        .ofSize(4)
        .map(
            list -> {
              Map<Priority, SlaTargets> map = new EnumMap<>(Priority.class);
              for (Priority p : Priority.values()) {
                map.put(p, list.get(p.ordinal()));
              }
              return map;
            });
  }

  /** Up to six conditional policies and the default, in a random order, all at version 1. */
  @Provide
  Arbitrary<List<SlaPolicyVersion>> policies() {
    Arbitrary<SlaPolicyDefinition> definition =
        Combinators.combine(
                conditions(),
                Arbitraries.integers().between(1, 5),
                Arbitraries.of(CALENDARS),
                targetMaps())
            .as(
                (conditions, position, calendar, targets) ->
                    new SlaPolicyDefinition("p", calendar, 0.8, position, conditions, targets));
    return Combinators.combine(
            definition.list().ofMaxSize(6),
            Arbitraries.of(CALENDARS),
            targetMaps(),
            Arbitraries.integers().between(0, 6))
        .as(
            (definitions, defaultCalendar, defaultTargets, at) -> {
              List<SlaPolicyVersion> versions = new ArrayList<>();
              for (int i = 0; i < definitions.size(); i++) {
                SlaPolicyDefinition d = rename(definitions.get(i), "policy " + (i + 1));
                versions.add(
                    new SlaPolicyVersion(
                        new SlaPolicyRef(Policies.policyId(i + 1), d.name(), 1), false, d));
              }
              SlaPolicyDefinition fallback =
                  new SlaPolicyDefinition(
                      "default",
                      defaultCalendar,
                      0.8,
                      SlaPolicyDefinition.DEFAULT_POSITION,
                      PolicyConditions.none(),
                      defaultTargets);
              versions.add(
                  Math.min(at, versions.size()),
                  new SlaPolicyVersion(
                      new SlaPolicyRef(Policies.policyId(0), "default", 1), true, fallback));
              return versions;
            });
  }

  private static SlaPolicyDefinition rename(SlaPolicyDefinition d, String name) {
    return new SlaPolicyDefinition(
        name, d.calendarId(), d.warningShare(), d.position(), d.conditions(), d.targets());
  }

  @Provide
  Arbitrary<List<BusinessCalendar>> calendarVersions() {
    return Calendars.calendars().list().ofSize(4);
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Calendars.instants();
  }

  @Provide
  Arbitrary<Duration> gaps() {
    return Arbitraries.longs().between(0, 72 * 60).map(Duration::ofMinutes);
  }

  // ---------------------------------------------------------------- selection

  /** The expected choice, the slow way: lowest position, then list order, else the default. */
  private static SlaPolicyVersion firstMatch(List<SlaPolicyVersion> policies, PolicyFacts facts) {
    SlaPolicyVersion best = null;
    for (SlaPolicyVersion p : policies) {
      if (!p.isDefault()
          && p.definition().conditions().match(facts).isPresent()
          && (best == null || p.definition().position() < best.definition().position())) {
        best = p;
      }
    }
    return best != null
        ? best
        : policies.stream().filter(SlaPolicyVersion::isDefault).findFirst().orElseThrow();
  }

  @Property(tries = 500)
  void the_first_matching_policy_by_position_wins(
      @ForAll("policies") List<SlaPolicyVersion> policies, @ForAll("facts") PolicyFacts facts) {
    PolicySelection s = SlaPolicySelector.select(policies, facts);
    assertThat(s.policy()).isEqualTo(firstMatch(policies, facts));
    assertThat(s.matched())
        .isEqualTo(s.policy().definition().conditions().match(facts).orElseThrow());
    for (SlaPolicyVersion p : policies) {
      if (!p.isDefault() && p.definition().position() < s.policy().definition().position()) {
        assertThat(p.definition().conditions().match(facts)).isEmpty();
      }
    }
  }

  @Property(tries = 300)
  void the_default_always_matches(
      @ForAll("policies") List<SlaPolicyVersion> policies, @ForAll("facts") PolicyFacts facts) {
    SlaPolicyVersion fallback =
        policies.stream().filter(SlaPolicyVersion::isDefault).findFirst().orElseThrow();
    assertThat(fallback.definition().conditions().match(facts)).contains(List.of());
    assertThat(SlaPolicySelector.select(List.of(fallback), facts).policy()).isEqualTo(fallback);
    boolean noneMatches =
        policies.stream()
            .filter(p -> !p.isDefault())
            .allMatch(p -> p.definition().conditions().match(facts).isEmpty());
    assertThat(SlaPolicySelector.select(policies, facts).isDefault()).isEqualTo(noneMatches);
  }

  @Property(tries = 500)
  void selection_depends_only_on_the_facts_the_conditions_read(
      @ForAll("policies") List<SlaPolicyVersion> policies,
      @ForAll("facts") PolicyFacts facts,
      @ForAll("facts") PolicyFacts other) {
    boolean priorities = reads(policies, c -> !c.priorities().isEmpty());
    boolean categories = reads(policies, c -> !c.categories().isEmpty());
    boolean tags = reads(policies, c -> !c.tags().isEmpty());
    boolean requesters = reads(policies, c -> !c.requesterIds().isEmpty());
    PolicyFacts sameWhereRead =
        new PolicyFacts(
            priorities ? facts.priority() : other.priority(),
            categories ? facts.category() : other.category(),
            tags ? facts.tags() : other.tags(),
            requesters ? facts.requesterId() : other.requesterId());
    assertThat(SlaPolicySelector.select(policies, sameWhereRead).policy())
        .isEqualTo(SlaPolicySelector.select(policies, facts).policy());
  }

  private static boolean reads(
      List<SlaPolicyVersion> policies, java.util.function.Predicate<PolicyConditions> test) {
    return policies.stream().anyMatch(p -> test.test(p.definition().conditions()));
  }

  // ---------------------------------------------------------------- recompute from creation

  /** Version 2 of every policy: the same conditions and calendar, other targets. */
  private static List<SlaPolicyVersion> edited(
      List<SlaPolicyVersion> v1, Map<Priority, SlaTargets> targets) {
    List<SlaPolicyVersion> v2 = new ArrayList<>();
    for (SlaPolicyVersion p : v1) {
      SlaPolicyDefinition d = p.definition();
      v2.add(
          new SlaPolicyVersion(
              new SlaPolicyRef(p.id(), p.ref().name(), 2),
              p.isDefault(),
              new SlaPolicyDefinition(
                  d.name(), d.calendarId(), 0.5, d.position(), d.conditions(), targets)));
    }
    return v2;
  }

  /** What the application's caches hold: every version by its reference. */
  private record Catalog(
      Map<SlaPolicyRef, SlaPolicyVersion> policies, Map<CalendarRef, CalendarVersion> calendars) {

    SlaStatus evaluate(Ticket t, NextReplyFacts facts, SlaPin pin, Instant now) {
      return Sla.evaluate(
          t,
          facts,
          policies.get(pin.policy()).policy(),
          calendars.get(pin.calendar()).calendar(),
          now);
    }

    SlaExplanation explain(Ticket t, NextReplyFacts facts, SlaPin pin, Instant now) {
      return Sla.explain(t, facts, policies.get(pin.policy()), calendars.get(pin.calendar()), now);
    }
  }

  private static CalendarVersion calendarVersion(int id, int version, BusinessCalendar calendar) {
    return new CalendarVersion(
        new CalendarRef(CALENDARS.get(id), calendar.name(), version), calendar);
  }

  private static Ticket open(Priority priority, List<String> tags, Instant at) {
    return Ticket.open(
            TicketId.newId(at, new SplittableRandom(at.toEpochMilli())),
            TicketMother.number(7),
            REQUESTER,
            Title.of("Cannot log in").orElseThrow(),
            Description.of("Since this morning.").orElseThrow(),
            priority,
            Optional.of(Category.of("billing").orElseThrow()),
            Tags.of(tags).orElseThrow(),
            at)
        .orElseThrow()
        .ticket();
  }

  /** The history both tickets share: work starts, waits on the customer, the customer answers. */
  private record Lived(Ticket ticket, NextReplyFacts facts) {
    static Lived of(Ticket opened, Instant t1, Instant t2, Instant t3) {
      Ticket t = apply(opened.changeStatus(AGENT, Status.IN_PROGRESS, Optional.empty(), t1));
      t = apply(t.changeStatus(AGENT, Status.PENDING_CUSTOMER, Optional.empty(), t2));
      TicketChange replied = TicketMother.reply(t, REQUESTER, "Here it is.", false, t3).change();
      return new Lived(replied.ticket(), NextReplyFacts.none().after(replied));
    }
  }

  @Property(tries = 150)
  void re_pinning_equals_evaluating_a_fresh_ticket_with_the_same_history_under_those_versions(
      @ForAll("policies") List<SlaPolicyVersion> v1,
      @ForAll("newTargets") Map<Priority, SlaTargets> newTargets,
      @ForAll("calendarVersions") List<BusinessCalendar> calendars,
      @ForAll("instants") Instant created,
      @ForAll("gaps") Duration g1,
      @ForAll("gaps") Duration g2,
      @ForAll("gaps") Duration g3,
      @ForAll("gaps") Duration g4,
      @ForAll("gaps") Duration g5,
      @ForAll("gaps") Duration g6,
      @ForAll Priority before,
      @ForAll Priority after,
      @ForAll("tagLists") List<String> tagsBefore,
      @ForAll("tagLists") List<String> tagsAfter) {
    List<SlaPolicyVersion> v2 = edited(v1, newTargets);
    List<CalendarVersion> cal1 =
        List.of(calendarVersion(0, 1, calendars.get(0)), calendarVersion(1, 1, calendars.get(1)));
    List<CalendarVersion> cal2 =
        List.of(calendarVersion(0, 2, calendars.get(2)), calendarVersion(1, 2, calendars.get(3)));
    Map<SlaPolicyRef, SlaPolicyVersion> policyIndex = new HashMap<>();
    v1.forEach(p -> policyIndex.put(p.ref(), p));
    v2.forEach(p -> policyIndex.put(p.ref(), p));
    Map<CalendarRef, CalendarVersion> calendarIndex = new HashMap<>();
    cal1.forEach(c -> calendarIndex.put(c.ref(), c));
    cal2.forEach(c -> calendarIndex.put(c.ref(), c));
    Catalog catalog = new Catalog(policyIndex, calendarIndex);

    Instant t1 = created.plus(g1);
    Instant t2 = t1.plus(g2);
    Instant t3 = t2.plus(g3);
    Instant t4 = t3.plus(g4);
    Instant t5 = t4.plus(g5);
    Instant now = t5.plus(g6);

    // The ticket as it lived: pinned at creation under version 1, edited, then re-applied.
    Ticket opened = open(before, tagsBefore, created);
    PolicySelection atCreation = SlaPolicySelector.select(v1, PolicyFacts.of(opened));
    SlaPin pin = SlaPin.of(atCreation, calendarOf(atCreation, cal1));
    Lived lived = Lived.of(opened, t1, t2, t3);
    Ticket edited =
        apply(
            lived
                .ticket()
                .edit(
                    AGENT,
                    TicketEdit.none()
                        .withPriority(after)
                        .withTags(Tags.of(tagsAfter).orElseThrow()),
                    t4));
    PolicySelection afterEdit = SlaPolicySelector.select(v1, PolicyFacts.of(edited));
    pin = pin.afterSelection(afterEdit, calendarOf(afterEdit, cal1));
    assertThat(pin.policy().id()).isEqualTo(afterEdit.policy().id());
    PolicySelection current = SlaPolicySelector.select(v2, PolicyFacts.of(edited));
    SlaPin repinned = pin.reapply(current, calendarOf(current, cal2)).orElse(pin);
    assertThat(repinned.reapply(current, calendarOf(current, cal2))).isEmpty();

    // A fresh ticket with the same history, opened with the final fields under version 2.
    Lived fresh = Lived.of(open(after, tagsAfter, created), t1, t2, t3);
    PolicySelection freshSelection = SlaPolicySelector.select(v2, PolicyFacts.of(fresh.ticket()));
    SlaPin freshPin = SlaPin.of(freshSelection, calendarOf(freshSelection, cal2));

    assertThat(repinned).isEqualTo(freshPin);
    assertThat(edited.statusHistory()).isEqualTo(fresh.ticket().statusHistory());
    SlaStatus measured = catalog.evaluate(edited, lived.facts(), repinned, now);
    assertThat(measured).isEqualTo(catalog.evaluate(fresh.ticket(), fresh.facts(), freshPin, now));
    assertThat(measured.find(SlaClock.NEXT_REPLY)).isPresent();
    assertThat(catalog.explain(edited, lived.facts(), repinned, now).clocks())
        .isEqualTo(catalog.explain(fresh.ticket(), fresh.facts(), freshPin, now).clocks());
  }

  private static CalendarVersion calendarOf(
      PolicySelection selection, List<CalendarVersion> calendars) {
    return calendars.stream()
        .filter(c -> c.id().equals(selection.policy().calendarId()))
        .findFirst()
        .orElseThrow();
  }
}
