package dev.triage.application.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.application.ticket.list.Keyset;
import dev.triage.application.ticket.list.TicketCriteria;
import dev.triage.application.ticket.list.TicketSort;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The count cache: one count per criteria (scope included) per time to live, fresh after it, never
 * more than the cap.
 */
class ViewCountsTest {

  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

  /** A clock the test moves. */
  private static final class TestClock extends Clock {
    private Instant now = T0;

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** A read side that counts its calls and answers what the test says matches. */
  private static final class Counter implements ViewCounts.Counter {
    final List<TicketCriteria> asked = new ArrayList<>();
    final AtomicLong matching = new AtomicLong();

    @Override
    public Uni<Long> count(TicketCriteria criteria, long atMost) {
      asked.add(criteria);
      return Uni.createFrom().item(Math.min(matching.get(), atMost));
    }
  }

  private final TestClock clock = new TestClock();
  private final Counter counter = new Counter();

  private static TicketCriteria open(Optional<UserId> requester, TicketSort sort, Instant now) {
    return open(requester, sort, now, true);
  }

  private static TicketCriteria open(
      Optional<UserId> requester, TicketSort sort, Instant now, boolean unassigned) {
    return new TicketCriteria(
        requester,
        Set.of(Status.OPEN),
        Optional.of(Priority.HIGH),
        Optional.empty(),
        unassigned,
        false,
        false,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        sort,
        Optional.empty(),
        now);
  }

  private ViewCounts.Counted count(ViewCounts counts, TicketCriteria c) {
    return counts.count(c).await().indefinitely();
  }

  @Test
  void oneCountServesEveryCallerOfTheSameCriteriaUntilTheTimeToLivePasses() {
    ViewCounts counts = new ViewCounts(counter, clock, Duration.ofSeconds(30), 10_000);
    counter.matching.set(7);

    ViewCounts.Counted first = count(counts, open(Optional.empty(), TicketSort.NEWEST, T0));
    counter.matching.set(8);
    clock.advance(Duration.ofSeconds(29));
    // Another agent, another moment, another order: the same tickets, so the same count.
    ViewCounts.Counted second =
        count(counts, open(Optional.empty(), TicketSort.PRIORITY, clock.instant()));

    assertThat(first).isEqualTo(new ViewCounts.Counted(7, false, T0));
    assertThat(second).isEqualTo(first);
    assertThat(counter.asked).hasSize(1);

    clock.advance(Duration.ofSeconds(1));
    ViewCounts.Counted third =
        count(counts, open(Optional.empty(), TicketSort.NEWEST, clock.instant()));

    assertThat(third).isEqualTo(new ViewCounts.Counted(8, false, T0.plusSeconds(30)));
    assertThat(counter.asked).hasSize(2);
  }

  @Test
  void aNarrowerScopeIsCountedOnItsOwn() {
    ViewCounts counts = new ViewCounts(counter, clock, Duration.ofSeconds(30), 10_000);
    counter.matching.set(5);
    count(counts, open(Optional.empty(), TicketSort.NEWEST, T0));
    counter.matching.set(1);

    ViewCounts.Counted customer =
        count(counts, open(Optional.of(new UserId(UUID.randomUUID())), TicketSort.NEWEST, T0));

    assertThat(customer.count()).isEqualTo(1);
    assertThat(counter.asked).hasSize(2);
  }

  @Test
  void aZeroTimeToLiveCountsEveryTime() {
    ViewCounts counts = new ViewCounts(counter, clock, Duration.ZERO, 10_000);
    counter.matching.set(3);
    count(counts, open(Optional.empty(), TicketSort.NEWEST, T0));
    counter.matching.set(4);

    assertThat(count(counts, open(Optional.empty(), TicketSort.NEWEST, T0)).count()).isEqualTo(4);
    assertThat(counter.asked).hasSize(2);
    assertThat(counts.size()).isZero();
  }

  @Test
  void countingStopsAtTheCap() {
    ViewCounts counts = new ViewCounts(counter, clock, Duration.ofSeconds(30), 100);
    counter.matching.set(1_000_000);

    ViewCounts.Counted capped = count(counts, open(Optional.empty(), TicketSort.NEWEST, T0));

    assertThat(capped).isEqualTo(new ViewCounts.Counted(100, true, T0));

    counter.matching.set(100);
    clock.advance(Duration.ofMinutes(1));
    assertThat(count(counts, open(Optional.empty(), TicketSort.NEWEST, clock.instant())))
        .isEqualTo(new ViewCounts.Counted(100, false, clock.instant()));
  }

  @Test
  void theKeyLeavesOutOrderPositionAndTimeOnly() {
    TicketCriteria a = open(Optional.empty(), TicketSort.NEWEST, T0);
    TicketCriteria b =
        new TicketCriteria(
            a.requester(),
            a.statuses(),
            a.priority(),
            a.assignee(),
            a.unassigned(),
            a.overdue(),
            a.escalated(),
            a.createdFrom(),
            a.createdUntil(),
            a.text(),
            a.tags(),
            TicketSort.SLA_DUE,
            Optional.of(new Keyset("2026-12-01T09:00:00Z", UUID.randomUUID())),
            T0.plusSeconds(5));

    assertThat(ViewCounts.key(a)).isEqualTo(ViewCounts.key(b));
    assertThat(ViewCounts.key(a))
        .isNotEqualTo(ViewCounts.key(open(Optional.empty(), TicketSort.NEWEST, T0, false)));
  }

  @Test
  void refusesANegativeTimeToLive() {
    assertThatThrownBy(() -> new ViewCounts(counter, clock, Duration.ofSeconds(-1), 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
