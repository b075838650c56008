package dev.triage.adapters.out.notification;

import dev.triage.adapters.out.persistence.ReadReplica;
import dev.triage.adapters.out.persistence.SqlStatement;
import dev.triage.application.notification.NotificationView;
import dev.triage.application.port.Notifications;
import dev.triage.domain.notification.NotificationKind;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The inboxes in the {@code notifications} table (migration V9), on the paths of ADR 0011. Reads go
 * over the reactive pool, one index range each: a page continues from the last (occurred_at, id)
 * seen, so its cost does not grow with its depth, and the unread page and count read the partial
 * index of unread rows. Marks run in the command's transaction (the Hibernate Reactive session the
 * bus opened), so they commit with their audit entry or not at all.
 *
 * <p>The page and the unread count read from the {@link ReadReplica} pool, which may be a standby a
 * moment behind (ADR 0012): a notification just delivered, or a mark just made, may show a moment
 * later. The marks themselves lock and update on the primary.
 */
@ApplicationScoped
public class SqlNotifications implements Notifications {

  private static final String COLUMNS =
      "id, kind, event_type, event_id, ticket_id, ticket_number, actor_id, occurred_at, read_at";

  private static final String TEXT_COLUMNS =
      "cast(id as text), kind, event_type, cast(event_id as text), cast(ticket_id as text),"
          + " ticket_number, cast(actor_id as text), "
          + SqlStatement.isoText("occurred_at")
          + ", "
          + SqlStatement.isoText("read_at");

  private final Pool reads;

  public SqlNotifications(@ReadReplica Pool reads) {
    this.reads = reads;
  }

  @Override
  public Uni<List<NotificationView>> page(
      Inbox inbox, boolean unreadOnly, Optional<Position> after, int limit) {
    SqlStatement st = visible(inbox);
    if (unreadOnly) {
      st.and("read_at is null");
    }
    after.ifPresent(p -> st.andBefore("occurred_at", p.occurredAt(), p.id()));
    String sql =
        st.page("select " + COLUMNS + " from notifications", "occurred_at desc, id desc", limit);
    return st.list(reads, sql, SqlNotifications::view);
  }

  @Override
  public Uni<Long> countUnread(Inbox inbox) {
    SqlStatement st = visible(inbox).and("read_at is null");
    return st.execute(reads, "select count(*) from notifications" + st.where())
        .map(rows -> rows.iterator().next().getLong(0));
  }

  @Override
  public Uni<Optional<NotificationView>> lock(Inbox inbox, UUID id) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    String sql =
        "select "
            + TEXT_COLUMNS
            + " from notifications where id = :id and "
            + visibleNamed(inbox, parameters)
            + " for update";
    parameters.put("id", id);
    return Panache.getSession()
        .flatMap(
            s -> {
              var query = s.createNativeQuery(sql, Object[].class);
              parameters.forEach(query::setParameter);
              return query.getResultList();
            })
        .map(rows -> rows.stream().findFirst().map(SqlNotifications::view));
  }

  @Override
  public Uni<Void> setReadAt(UUID id, Optional<Instant> readAt) {
    return Panache.getSession()
        .flatMap(
            s ->
                readAt.isPresent()
                    ? s.createNativeQuery("update notifications set read_at = :at where id = :id")
                        .setParameter("at", SqlStatement.utc(readAt.get()))
                        .setParameter("id", id)
                        .executeUpdate()
                    : s.createNativeQuery("update notifications set read_at = null where id = :id")
                        .setParameter("id", id)
                        .executeUpdate())
        .replaceWithVoid();
  }

  @Override
  public Uni<Long> markAllRead(Inbox inbox, Instant at) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    String sql =
        "update notifications set read_at = :at where "
            + visibleNamed(inbox, parameters)
            + " and read_at is null";
    parameters.put("at", SqlStatement.utc(at));
    return Panache.getSession()
        .flatMap(
            s -> {
              var query = s.createNativeQuery(sql);
              parameters.forEach(query::setParameter);
              return query.executeUpdate();
            })
        .map(Integer::longValue);
  }

  /** A statement for the pool that starts with the inbox's conditions. */
  private static SqlStatement visible(Inbox inbox) {
    SqlStatement st = new SqlStatement().and("user_id = ", inbox.user().value());
    if (!inbox.internalToo()) {
      st.and("not internal");
    }
    inbox
        .onlyRequester()
        .ifPresent(
            r -> {
              String me = st.bind(r.value());
              st.and("(requester_id = " + me + OR_CC_LEFT + me + OR_CC_RIGHT);
            });
    inbox
        .onlyGroups()
        .ifPresent(g -> st.and(IN_GROUPS_LEFT + st.bind(groupList(g)) + IN_GROUPS_RIGHT));
    return st;
  }

  /**
   * The inbox's conditions with named parameters, for the command's session: at most four texts, so
   * Hibernate's plan cache stays bounded (ADR 0011).
   */
  private static String visibleNamed(Inbox inbox, Map<String, Object> parameters) {
    parameters.put("user", inbox.user().value());
    StringBuilder where = new StringBuilder("user_id = :user");
    if (!inbox.internalToo()) {
      where.append(" and not internal");
    }
    inbox
        .onlyRequester()
        .ifPresent(
            r -> {
              parameters.put("requester", r.value());
              where
                  .append(" and (requester_id = :requester")
                  .append(OR_CC_LEFT)
                  .append(":requester")
                  .append(OR_CC_RIGHT);
            });
    inbox
        .onlyGroups()
        .ifPresent(
            g -> {
              parameters.put("groups", groupList(g));
              where
                  .append(" and ")
                  .append(IN_GROUPS_LEFT)
                  .append(":groups")
                  .append(IN_GROUPS_RIGHT);
            });
    return where.toString();
  }

  /**
   * A restricted agent's inbox keeps the notifications of tickets now in one of their groups (the
   * ticket's primary key per row of one inbox page); the groups travel as one text of ids.
   */
  /**
   * A customer's notifications are of the tickets they opened or are a CC of now: removed as a CC,
   * they no longer read what they heard of it (V29's index on CCs).
   */
  private static final String OR_CC_LEFT =
      " or exists (select 1 from tickets t where t.id = notifications.ticket_id"
          + " and cardinality(t.cc_ids) > 0 and t.cc_ids @> array[cast(";

  private static final String OR_CC_RIGHT = " as uuid)]))";

  private static final String IN_GROUPS_LEFT =
      "exists (select 1 from tickets t where t.id = notifications.ticket_id"
          + " and t.group_id = any(cast(string_to_array(";

  private static final String IN_GROUPS_RIGHT = ", ',') as uuid[])))";

  private static String groupList(java.util.Set<UUID> groups) {
    return groups.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(","));
  }

  private static NotificationView view(Row r) {
    return new NotificationView(
        r.getUUID(0),
        NotificationKind.valueOf(r.getString(1)),
        r.getString(2),
        r.getUUID(3),
        r.getUUID(4),
        r.getString(5),
        r.getUUID(6),
        r.getOffsetDateTime(7).toInstant(),
        Optional.ofNullable(r.getOffsetDateTime(8)).map(OffsetDateTime::toInstant));
  }

  private static NotificationView view(Object[] row) {
    return new NotificationView(
        UUID.fromString((String) row[0]),
        NotificationKind.valueOf((String) row[1]),
        (String) row[2],
        UUID.fromString((String) row[3]),
        UUID.fromString((String) row[4]),
        (String) row[5],
        UUID.fromString((String) row[6]),
        Instant.parse((String) row[7]),
        Optional.ofNullable((String) row[8]).map(Instant::parse));
  }
}
