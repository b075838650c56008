package dev.triage.adapters.out.persistence;

import dev.triage.application.port.TicketLinks;
import dev.triage.domain.ticket.LinkType;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.user.UserId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Ticket links in {@code ticket_links} (V30, ADR 25): stored once from the ticket they were made
 * on; the writes run on the command's session, the list on the primary pool (a client reads back
 * the link it just made).
 */
@ApplicationScoped
public class SqlTicketLinks implements TicketLinks {

  static final String ADD =
      "with added as (insert into ticket_links (id, source_id, target_id, type, created_by,"
          + " created_at) select cast(:id as uuid), cast(:source as uuid), cast(:target as uuid),"
          + " cast(:type as text), cast(:by as uuid), cast(:at as timestamptz)"
          + " where not exists (select 1 from ticket_links r where cast(:type as text) = 'RELATED'"
          + " and r.type = 'RELATED' and r.source_id = cast(:target as uuid)"
          + " and r.target_id = cast(:source as uuid))"
          + " on conflict do nothing returning target_id)"
          + " select t.number from added a join tickets t on t.id = a.target_id";

  static final String REMOVE =
      "delete from ticket_links where id = cast(:id as uuid)"
          + " and (source_id = cast(:ticket as uuid) or target_id = cast(:ticket as uuid))"
          + " returning cast(id as text), type, cast(source_id as text), cast(target_id as text)";

  static final String OF =
      "select l.id, l.type, l.source_id = $1 as outgoing, t.id, t.number, t.requester_id,"
          + " t.group_id, t.cc_ids, l.created_at from ticket_links l join tickets t on t.id ="
          + " case when l.source_id = $1 then l.target_id else l.source_id end"
          + " where l.source_id = $1 or l.target_id = $1 order by l.created_at, l.id";

  private final Pool primary;

  public SqlTicketLinks(Pool primary) {
    this.primary = primary;
  }

  @Override
  public Uni<Optional<String>> add(
      UUID id, TicketId source, TicketId target, LinkType type, UserId by, Instant at) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(ADD, String.class)
                    .setParameter("id", id.toString())
                    .setParameter("source", source.value().toString())
                    .setParameter("target", target.value().toString())
                    .setParameter("type", type.name())
                    .setParameter("by", by.value().toString())
                    .setParameter("at", SqlStatement.utc(at))
                    .getResultList())
        .map(numbers -> numbers.stream().findFirst());
  }

  @Override
  public Uni<Optional<Link>> remove(TicketId ticket, UUID id) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(REMOVE, Object[].class)
                    .setParameter("id", id.toString())
                    .setParameter("ticket", ticket.value().toString())
                    .getResultList())
        .map(
            rows ->
                rows.stream()
                    .findFirst()
                    .map(
                        r -> {
                          LinkType type = LinkType.valueOf((String) r[1]);
                          boolean outgoing = ticket.value().toString().equals(r[2]);
                          UUID other = UUID.fromString((String) (outgoing ? r[3] : r[2]));
                          return new Link(
                              UUID.fromString((String) r[0]),
                              outgoing ? type : type.inverse(),
                              new TicketId(other),
                              "",
                              UserId.of(other),
                              Optional.empty(),
                              Set.of(),
                              Instant.EPOCH);
                        }));
  }

  @Override
  public Uni<List<Link>> of(TicketId ticket) {
    return primary
        .preparedQuery(OF)
        .execute(Tuple.of(ticket.value()))
        .map(
            rows -> {
              List<Link> links = new ArrayList<>();
              for (Row r : rows) {
                LinkType type = LinkType.valueOf(r.getString(1));
                Set<UserId> ccs = new LinkedHashSet<>();
                UUID[] ids = r.getArrayOfUUIDs(7);
                if (ids != null) {
                  for (UUID u : ids) {
                    ccs.add(UserId.of(u));
                  }
                }
                links.add(
                    new Link(
                        r.getUUID(0),
                        r.getBoolean(2) ? type : type.inverse(),
                        new TicketId(r.getUUID(3)),
                        r.getString(4),
                        UserId.of(r.getUUID(5)),
                        Optional.ofNullable(r.getUUID(6)),
                        ccs,
                        r.getOffsetDateTime(8).toInstant()));
              }
              return links;
            });
  }
}
