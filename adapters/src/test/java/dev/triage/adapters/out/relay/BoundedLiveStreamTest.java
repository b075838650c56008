package dev.triage.adapters.out.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.application.live.LiveAudience;
import dev.triage.application.live.LiveEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BoundedLiveStreamTest {

  private static final UUID TICKET = UUID.randomUUID();
  private static final UUID REQUESTER = UUID.randomUUID();
  private static final LiveAudience STAFF =
      new LiveAudience(Optional.empty(), Optional.empty(), true);

  private final BroadcastProcessor<LiveEvent> hot = BroadcastProcessor.create();
  private final List<Long> pagesAfter = new ArrayList<>();

  private static LiveEvent event(long position, int dataChars) {
    return new LiveEvent(
        position,
        UUID.randomUUID(),
        "CommentAdded",
        false,
        UUID.randomUUID(),
        Instant.parse("2026-11-23T09:00:00Z"),
        TICKET,
        "TCK-2026-000001",
        REQUESTER,
        "{\"n\":\"" + "x".repeat(dataChars) + "\"}");
  }

  /** Pages of 2 from a backlog of events at positions 1..{@code backlog}. */
  private Multi<LiveEvent> page(long after, long backlog) {
    pagesAfter.add(after);
    return Multi.createFrom()
        .items(
            LongStream.rangeClosed(after + 1, Math.min(after + 2, backlog))
                .mapToObj(p -> event(p, 10)));
  }

  private Multi<LiveEvent> live(int maxEvents, long maxBytes) {
    return BoundedLiveStream.of(
        hot, OptionalLong.empty(), STAFF, after -> page(after, 0), 2, 100, maxEvents, maxBytes);
  }

  @Test
  void live_events_go_out_as_the_client_asks_and_wait_in_the_buffer_meanwhile() {
    AssertSubscriber<LiveEvent> client =
        live(10, 1 << 20).subscribe().withSubscriber(AssertSubscriber.create(1));
    for (long p = 1; p <= 4; p++) {
      hot.onNext(event(p, 10));
    }
    assertThat(client.getItems()).extracting(LiveEvent::position).containsExactly(1L);

    client.request(10);
    assertThat(client.getItems()).extracting(LiveEvent::position).containsExactly(1L, 2L, 3L, 4L);
    client.assertNotTerminated();
  }

  @Test
  void a_client_that_does_not_read_is_ended_once_its_buffer_holds_too_many_events() {
    AssertSubscriber<LiveEvent> client =
        live(3, 1 << 20).subscribe().withSubscriber(AssertSubscriber.create(0));
    for (long p = 1; p <= 3; p++) {
      hot.onNext(event(p, 10));
    }
    client.assertNotTerminated();

    hot.onNext(event(4, 10));
    client.assertCompleted();
    assertThat(client.getItems()).isEmpty();
  }

  @Test
  void a_client_that_does_not_read_is_ended_once_its_buffer_holds_too_many_bytes() {
    long bound = 3 * BoundedLiveStream.estimatedBytes(event(1, 1000));
    AssertSubscriber<LiveEvent> client =
        live(1000, bound).subscribe().withSubscriber(AssertSubscriber.create(0));
    for (long p = 1; p <= 3; p++) {
      hot.onNext(event(p, 1000));
    }
    client.assertNotTerminated();

    hot.onNext(event(4, 1000));
    client.assertCompleted();
  }

  @Test
  void missed_events_are_read_a_page_at_a_time_as_the_client_takes_them_then_live_ones_follow() {
    AssertSubscriber<LiveEvent> client =
        BoundedLiveStream.of(
                hot, OptionalLong.of(0), STAFF, after -> page(after, 5), 2, 100, 10, 1 << 20)
            .subscribe()
            .withSubscriber(AssertSubscriber.create(1));
    hot.onNext(event(5, 10)); // published while replaying: also in the backlog
    hot.onNext(event(6, 10));
    assertThat(pagesAfter).as("one page read, not the whole backlog").containsExactly(0L);
    assertThat(client.getItems()).extracting(LiveEvent::position).containsExactly(1L);

    client.request(1);
    assertThat(client.getItems()).extracting(LiveEvent::position).containsExactly(1L, 2L);
    assertThat(pagesAfter).as("the next page once the last one is sent").containsExactly(0L, 2L);
    client.request(100);
    assertThat(pagesAfter).containsExactly(0L, 2L, 4L);
    assertThat(client.getItems())
        .extracting(LiveEvent::position)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);

    hot.onNext(event(7, 10));
    assertThat(client.getItems()).extracting(LiveEvent::position).endsWith(6L, 7L);
    client.assertNotTerminated();
  }

  @Test
  void a_replay_longer_than_the_limit_ends_the_stream_for_the_client_to_resume() {
    AssertSubscriber<LiveEvent> client =
        BoundedLiveStream.of(
                hot, OptionalLong.of(0), STAFF, after -> page(after, 50), 2, 4, 10, 1 << 20)
            .subscribe()
            .withSubscriber(AssertSubscriber.create(100));
    assertThat(client.getItems()).extracting(LiveEvent::position).containsExactly(1L, 2L, 3L, 4L);
    client.assertCompleted();
  }

  @Test
  void cancelling_the_stream_leaves_the_feed() {
    AssertSubscriber<LiveEvent> client =
        live(10, 1 << 20).subscribe().withSubscriber(AssertSubscriber.create(10));
    client.cancel();
    hot.onNext(event(1, 10));
    assertThat(client.getItems()).isEmpty();
  }
}
