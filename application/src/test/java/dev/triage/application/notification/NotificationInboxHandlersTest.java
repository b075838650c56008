package dev.triage.application.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.application.Page;
import dev.triage.application.bus.Effects;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Notifications;
import dev.triage.domain.access.AccessPolicy;
import dev.triage.domain.notification.NotificationKind;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.Caller;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The inbox use cases against an inbox in memory that filters and orders like the SQL one. */
class NotificationInboxHandlersTest {

  static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

  /** A stored notification: its view, its owner, and what deciding visibility needs. */
  record Row(UserId user, UUID requester, boolean internal, NotificationView view) {}

  static final class InMemoryNotifications implements Notifications {
    final List<Row> rows = new ArrayList<>();

    private boolean in(Inbox inbox, Row r) {
      return r.user().equals(inbox.user())
          && (inbox.internalToo() || !r.internal())
          && inbox.onlyRequester().map(u -> u.value().equals(r.requester())).orElse(true);
    }

    @Override
    public Uni<List<NotificationView>> page(
        Inbox inbox, boolean unreadOnly, Optional<Position> after, int limit) {
      Comparator<NotificationView> newestFirst =
          Comparator.comparing(NotificationView::occurredAt)
              .thenComparing(NotificationView::id)
              .reversed();
      return Uni.createFrom()
          .item(
              rows.stream()
                  .filter(r -> in(inbox, r))
                  .map(Row::view)
                  .filter(v -> !unreadOnly || !v.read())
                  .filter(
                      v ->
                          after
                              .map(
                                  p ->
                                      v.occurredAt().isBefore(p.occurredAt())
                                          || v.occurredAt().equals(p.occurredAt())
                                              && v.id().compareTo(p.id()) < 0)
                              .orElse(true))
                  .sorted(newestFirst)
                  .limit(limit)
                  .toList());
    }

    @Override
    public Uni<Long> countUnread(Inbox inbox) {
      return Uni.createFrom()
          .item(rows.stream().filter(r -> in(inbox, r) && !r.view().read()).count());
    }

    @Override
    public Uni<Optional<NotificationView>> lock(Inbox inbox, UUID id) {
      return Uni.createFrom()
          .item(
              rows.stream()
                  .filter(r -> in(inbox, r) && r.view().id().equals(id))
                  .map(Row::view)
                  .findFirst());
    }

    @Override
    public Uni<Void> setReadAt(UUID id, Optional<Instant> readAt) {
      rows.replaceAll(
          r ->
              r.view().id().equals(id)
                  ? new Row(r.user(), r.requester(), r.internal(), r.view().withReadAt(readAt))
                  : r);
      return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Long> markAllRead(Inbox inbox, Instant at) {
      long n = rows.stream().filter(r -> in(inbox, r) && !r.view().read()).count();
      rows.replaceAll(
          r ->
              in(inbox, r) && !r.view().read()
                  ? new Row(
                      r.user(), r.requester(), r.internal(), r.view().withReadAt(Optional.of(at)))
                  : r);
      return Uni.createFrom().item(n);
    }
  }

  final InMemoryNotifications inbox = new InMemoryNotifications();
  final AccessPolicy policy = AccessPolicy.defaults();
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final Actor customer = Actor.of(UserId.of(new UUID(1, 1)), Role.CUSTOMER);
  final Actor agent = Actor.of(UserId.of(new UUID(1, 2)), Role.AGENT);

  final ListNotificationsHandler list = new ListNotificationsHandler(inbox, policy);
  final CountUnreadNotificationsHandler count = new CountUnreadNotificationsHandler(inbox, policy);
  final MarkNotificationReadHandler read = new MarkNotificationReadHandler(inbox, policy, clock);
  final MarkNotificationUnreadHandler unread = new MarkNotificationUnreadHandler(inbox, policy);
  final MarkAllNotificationsReadHandler readAll =
      new MarkAllNotificationsReadHandler(inbox, policy, clock);

  static RequestContext as(Actor actor) {
    return RequestContext.of(Caller.person(actor), "r", "");
  }

  NotificationView add(Actor owner, int minute, boolean internal, Actor requester) {
    NotificationView view =
        new NotificationView(
            new UUID(2, inbox.rows.size() + 1),
            NotificationKind.REPLY,
            "CommentAdded",
            UUID.randomUUID(),
            new UUID(3, 1),
            "TCK-2026-000001",
            agent.id().value(),
            T0.plus(Duration.ofMinutes(minute)),
            Optional.empty());
    inbox.rows.add(new Row(owner.id(), requester.id().value(), internal, view));
    return view;
  }

  static <T> T ok(Result<T> result) {
    assertThat(result).isInstanceOf(Result.Ok.class);
    return ((Result.Ok<T>) result).value();
  }

  static ErrorCode code(Result<?> result) {
    assertThat(result).isInstanceOf(Result.Err.class);
    return ((Result.Err<?>) result).code();
  }

  Page<NotificationView> page(Actor who, String unreadOnly, String limit, String position) {
    return ok(
        list.handle(new ListNotifications(unreadOnly, limit, position), as(who))
            .await()
            .indefinitely());
  }

  long unreadOf(Actor who) {
    return ok(count.handle(new CountUnreadNotifications(), as(who)).await().indefinitely());
  }

  @Test
  void pages_run_newest_first_and_follow_the_position_to_the_end() {
    List<UUID> ids = new ArrayList<>();
    for (int m = 0; m < 5; m++) {
      ids.add(add(customer, m, false, customer).id());
    }
    List<UUID> seen = new ArrayList<>();
    Optional<String> next = Optional.empty();
    do {
      Page<NotificationView> p = page(customer, null, "2", next.orElse(null));
      assertThat(p.items()).hasSizeLessThanOrEqualTo(2);
      p.items().forEach(v -> seen.add(v.id()));
      next = p.next();
    } while (next.isPresent());
    assertThat(seen).containsExactlyElementsOf(ids.reversed());
  }

  @Test
  void reading_one_takes_it_off_the_unread_list_and_count_and_unreading_puts_it_back() {
    NotificationView first = add(customer, 1, false, customer);
    NotificationView second = add(customer, 2, false, customer);
    assertThat(unreadOf(customer)).isEqualTo(2);

    NotificationView marked =
        ok(
            read.handle(new MarkNotificationRead(first.id().toString()), as(customer))
                .await()
                .indefinitely());
    assertThat(marked.readAt()).contains(NOW);
    assertThat(unreadOf(customer)).isEqualTo(1);
    assertThat(page(customer, "true", null, null).items())
        .extracting(NotificationView::id)
        .containsExactly(second.id());
    assertThat(page(customer, null, null, null).items()).hasSize(2);

    ok(
        unread
            .handle(new MarkNotificationUnread(first.id().toString()), as(customer))
            .await()
            .indefinitely());
    assertThat(unreadOf(customer)).isEqualTo(2);
  }

  @Test
  void reading_twice_keeps_the_first_reading_time() {
    NotificationView n = add(customer, 1, false, customer);
    inbox.setReadAt(n.id(), Optional.of(T0)).await().indefinitely();
    NotificationView again =
        ok(
            read.handle(new MarkNotificationRead(n.id().toString()), as(customer))
                .await()
                .indefinitely());
    assertThat(again.readAt()).contains(T0);
  }

  @Test
  void someone_elses_notification_is_not_found_and_stays_unread() {
    NotificationView agents = add(agent, 1, false, customer);
    Result<NotificationView> result =
        read.handle(new MarkNotificationRead(agents.id().toString()), as(customer))
            .await()
            .indefinitely();
    assertThat(code(result)).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(unreadOf(agent)).isEqualTo(1);
    assertThat(
            code(
                unread
                    .handle(new MarkNotificationUnread("not-a-uuid"), as(customer))
                    .await()
                    .indefinitely()))
        .isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void a_customer_never_sees_an_internal_notification_even_if_one_was_stored() {
    NotificationView internal = add(customer, 1, true, customer);
    add(customer, 2, false, agent); // on a ticket someone else opened
    NotificationView own = add(customer, 3, false, customer);
    assertThat(page(customer, null, null, null).items())
        .extracting(NotificationView::id)
        .containsExactly(own.id());
    assertThat(unreadOf(customer)).isEqualTo(1);
    assertThat(
            code(
                read.handle(new MarkNotificationRead(internal.id().toString()), as(customer))
                    .await()
                    .indefinitely()))
        .isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void marking_all_read_empties_the_unread_count_and_is_audited_with_the_count() {
    add(customer, 1, false, customer);
    add(customer, 2, false, customer);
    add(agent, 3, false, customer);
    RequestContext context = as(customer);
    long marked =
        ok(readAll.handle(new MarkAllNotificationsRead(), context).await().indefinitely());
    assertThat(marked).isEqualTo(2);
    assertThat(unreadOf(customer)).isZero();
    assertThat(unreadOf(agent)).isEqualTo(1);
    Effects.Change change = context.effects().change().orElseThrow();
    assertThat(change.entityType()).isEqualTo(MarkAllNotificationsReadHandler.ENTITY);
    assertThat(change.before()).contains(new MarkAllNotificationsReadHandler.InboxState(2));
    assertThat(change.after()).contains(new MarkAllNotificationsReadHandler.InboxState(0));
  }

  @Test
  void marking_one_is_audited_with_its_state_before_and_after() {
    NotificationView n = add(customer, 1, false, customer);
    RequestContext context = as(customer);
    ok(read.handle(new MarkNotificationRead(n.id().toString()), context).await().indefinitely());
    Effects.Change change = context.effects().change().orElseThrow();
    assertThat(change.entityType()).isEqualTo(NotificationView.ENTITY);
    assertThat(change.entityId()).isEqualTo(n.id().toString());
    assertThat(change.before()).contains(n);
    assertThat(change.after()).contains(n.withReadAt(Optional.of(NOW)));
  }

  @Test
  void bad_parameters_are_refused_by_name() {
    Result<Page<NotificationView>> bad =
        list.handle(new ListNotifications("yes", "0", "x|y|z"), as(customer))
            .await()
            .indefinitely();
    assertThat(code(bad)).isEqualTo(ErrorCode.MALFORMED_REQUEST);
    assertThat(((Result.Err<?>) bad).fieldErrors()).containsKeys("unread", "cursor");
    Result<Page<NotificationView>> tooMany =
        list.handle(new ListNotifications(null, "101", null), as(customer)).await().indefinitely();
    assertThat(code(tooMany)).isEqualTo(ErrorCode.VALIDATION_FAILED);
  }
}
