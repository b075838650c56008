package dev.triage.adapters.out.relay;

import dev.triage.application.live.LiveAudience;
import dev.triage.application.live.LiveEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.MultiEmitter;
import java.util.ArrayDeque;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;

/**
 * One subscriber's live stream, which never holds more than its bounds however slowly the client
 * reads. Events go out only as the client asks for them (the HTTP layer asks for the next one when
 * the last one is written), so a client that stops reading stops the stream instead of filling
 * memory:
 *
 * <ul>
 *   <li>missed events (a resume with {@code Last-Event-ID}) are read one page at a time, the next
 *       page only once the last one is sent, at most {@code replayLimit} per connection (the stream
 *       then ends and the client resumes from the last id it got);
 *   <li>live events wait in a buffer of at most {@code maxEvents} events and {@code maxBytes}
 *       (estimated) bytes; a stream whose client falls further behind is ended, and the client
 *       resumes with the last id it got, missing nothing.
 * </ul>
 */
final class BoundedLiveStream {

  /** Estimated heap of an event beyond its strings: the record, its UUIDs and the instant. */
  private static final long EVENT_OVERHEAD = 256;

  private final MultiEmitter<? super LiveEvent> emitter;
  private final LiveAudience audience;
  private final LongFunction<Multi<LiveEvent>> replayPage;
  private final int pageSize;
  private final int replayLimit;
  private final int maxEvents;
  private final long maxBytes;
  private final AtomicInteger wip = new AtomicInteger();

  private final ArrayDeque<LiveEvent> page = new ArrayDeque<>();
  private final ArrayDeque<LiveEvent> live = new ArrayDeque<>();
  private long liveBytes;
  private boolean replaying;
  private boolean fetching;
  private boolean ended;
  private long last;
  private int replayed;
  private Cancellable liveSubscription;
  private Cancellable replaySubscription;

  /**
   * @param after the position to resume after; empty to start with live events only
   * @param replayPage reads the audience's next page of missed events after a position
   */
  private BoundedLiveStream(
      MultiEmitter<? super LiveEvent> emitter,
      OptionalLong after,
      LiveAudience audience,
      LongFunction<Multi<LiveEvent>> replayPage,
      int pageSize,
      int replayLimit,
      int maxEvents,
      long maxBytes) {
    this.emitter = emitter;
    this.audience = audience;
    this.replayPage = replayPage;
    this.pageSize = pageSize;
    this.replayLimit = replayLimit;
    this.maxEvents = maxEvents;
    this.maxBytes = maxBytes;
    this.replaying = after.isPresent();
    this.last = after.orElse(-1);
  }

  /**
   * The stream of {@code hot}'s events for {@code audience}, after the missed ones when {@code
   * after} is present.
   */
  static Multi<LiveEvent> of(
      Multi<LiveEvent> hot,
      OptionalLong after,
      LiveAudience audience,
      LongFunction<Multi<LiveEvent>> replayPage,
      int pageSize,
      int replayLimit,
      int maxEvents,
      long maxBytes) {
    return Multi.createFrom()
        .emitter(
            emitter ->
                new BoundedLiveStream(
                        emitter,
                        after,
                        audience,
                        replayPage,
                        pageSize,
                        replayLimit,
                        maxEvents,
                        maxBytes)
                    .start(hot),
            BackPressureStrategy.ERROR);
  }

  /** The heap an event is estimated to hold: its strings as UTF-16, and a fixed overhead. */
  static long estimatedBytes(LiveEvent e) {
    long chars = e.data().length() + e.type().length() + e.ticketNumber().length();
    return EVENT_OVERHEAD + 2 * chars;
  }

  private void start(Multi<LiveEvent> hot) {
    emitter.onTermination(this::release);
    emitter.onRequest(n -> drain());
    Cancellable subscription = hot.subscribe().with(this::onLive, emitter::fail);
    synchronized (this) {
      liveSubscription = subscription;
      if (ended) {
        subscription.cancel();
      }
    }
    drain();
  }

  private void onLive(LiveEvent e) {
    if (!audience.includes(e)) {
      return;
    }
    boolean tooFarBehind = false;
    synchronized (this) {
      if (ended || (!replaying && e.position() <= last)) {
        return;
      }
      long bytes = estimatedBytes(e);
      if (live.size() >= maxEvents || liveBytes + bytes > maxBytes) {
        tooFarBehind = true;
      } else {
        live.add(e);
        liveBytes += bytes;
        if (!replaying) {
          last = e.position();
        }
      }
    }
    if (tooFarBehind) {
      // The client resumes after the last id it got.
      end();
    } else {
      drain();
    }
  }

  private void onPage(List<LiveEvent> events) {
    synchronized (this) {
      fetching = false;
      if (ended) {
        return;
      }
      for (LiveEvent e : events) {
        page.add(e);
        last = e.position();
        replayed++;
      }
      if (events.size() < pageSize) {
        // Caught up: the live events collected meanwhile follow, without the overlap.
        replaying = false;
        while (!live.isEmpty() && live.peek().position() <= last) {
          liveBytes -= estimatedBytes(live.poll());
        }
        if (!live.isEmpty()) {
          last = live.peekLast().position();
        }
      }
    }
    drain();
  }

  /** Sends what the client asked for, then reads the next page of missed events when due. */
  private void drain() {
    if (wip.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    do {
      while (true) {
        LiveEvent next;
        synchronized (this) {
          if (ended || emitter.requested() <= 0) {
            break;
          }
          next = page.poll();
          if (next == null && !replaying) {
            next = live.poll();
            if (next != null) {
              liveBytes -= estimatedBytes(next);
            }
          }
          if (next == null) {
            break;
          }
        }
        emitter.emit(next);
      }
      nextPage();
      missed = wip.addAndGet(-missed);
    } while (missed != 0);
  }

  private void nextPage() {
    long from;
    boolean more;
    synchronized (this) {
      if (ended || !replaying || fetching || !page.isEmpty()) {
        return;
      }
      from = last;
      more = replayed < replayLimit;
      fetching = more;
    }
    if (!more) {
      // More to catch up than one connection replays: the client resumes from here.
      end();
      return;
    }
    Cancellable subscription =
        replayPage.apply(from).collect().asList().subscribe().with(this::onPage, emitter::fail);
    synchronized (this) {
      replaySubscription = subscription;
    }
  }

  /** Drops what is held and ends the stream (never holding the lock: the client's side runs). */
  private void end() {
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
    }
    emitter.complete();
  }

  private void release() {
    Cancellable liveOne;
    Cancellable replayOne;
    synchronized (this) {
      ended = true;
      page.clear();
      live.clear();
      liveBytes = 0;
      liveOne = liveSubscription;
      replayOne = replaySubscription;
    }
    if (liveOne != null) {
      liveOne.cancel();
    }
    if (replayOne != null) {
      replayOne.cancel();
    }
  }
}
