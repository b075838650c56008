package dev.triage.adapters.out.attachment;

import dev.triage.adapters.out.persistence.SqlStatement;
import dev.triage.application.attachment.AttachmentView;
import dev.triage.application.attachment.StoredAttachment;
import dev.triage.application.port.Attachments;
import dev.triage.domain.ticket.CommentId;
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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The rows of {@code attachments} (V37). Writes, and the reads a command makes, run on the
 * command's session so they commit with it; the download's and the ticket list's reads go over the
 * primary pool (a file just uploaded is read back at once).
 */
@ApplicationScoped
public class SqlAttachments implements Attachments {

  private static final String COLUMNS =
      "cast(id as text), cast(uploader_id as text), file_name, content_type, cast(size as text),"
          + " sha256, "
          + SqlStatement.isoText("created_at")
          + ", cast(ticket_id as text), cast(comment_id as text), cast(internal as text), "
          + SqlStatement.isoText("erased_at")
          + ", cast(coalesce(content_id, id) as text)";

  private static final String INSERT =
      "insert into attachments (id, uploader_id, file_name, content_type, size, sha256,"
          + " created_at) values (cast(:id as uuid), cast(:uploader as uuid), cast(:name as text),"
          + " cast(:type as text), cast(:size as bigint), cast(:sha as text),"
          + " cast(:at as timestamptz))";

  private static final String CLAIM =
      "with claimed as (update attachments set ticket_id = cast(:ticket as uuid),"
          + " comment_id = cast(nullif(cast(:comment as text), '') as uuid),"
          + " internal = cast(:internal as boolean), claimed_at = cast(:at as timestamptz)"
          + " where id = any(cast(string_to_array(cast(:ids as text), ',') as uuid[]))"
          + " and uploader_id = cast(:uploader as uuid)"
          + " and ticket_id is null returning *) select "
          + COLUMNS
          + " from claimed";

  private static final String OF_COMMENT =
      "select "
          + COLUMNS
          + " from attachments where comment_id = cast(:comment as uuid) order by created_at, id";

  /**
   * Locks the rows that own the bytes of the comment's files (a copy's bytes are its original's),
   * smallest id first: erasures of files sharing bytes (an original and a merge's copy of it,
   * redacted at once on two tickets) take turns, and the one after sees the one before committed.
   */
  private static final String LOCK_BYTES =
      "select cast(id as text) from attachments where id in (select coalesce(content_id, id)"
          + " from attachments where comment_id = cast(:comment as uuid) and erased_at is null)"
          + " order by id for update";

  /**
   * Marks the comment's files erased and answers the bytes no other unerased file shares (the
   * statement's snapshot does not see its own update: the files it erases are left out by id).
   */
  private static final String ERASE =
      "with erased as (update attachments set erased_at = cast(:at as timestamptz),"
          + " erased_by = cast(:by as uuid) where comment_id = cast(:comment as uuid)"
          + " and erased_at is null returning id, coalesce(content_id, id) as bytes)"
          + " select distinct cast(e.bytes as text) from erased e where not exists (select 1"
          + " from attachments o where (o.id = e.bytes or o.content_id = e.bytes)"
          + " and o.erased_at is null and o.id not in (select id from erased))";

  private static final String PURGE =
      "with gone as (delete from attachments where id in (select id from attachments"
          + " where ticket_id is null and created_at < cast(:before as timestamptz)"
          + " order by created_at limit cast(:batch as integer) for update skip locked)"
          + " returning id) select cast(id as text) from gone";

  private final Pool primary;

  public SqlAttachments(Pool primary) {
    this.primary = primary;
  }

  @Override
  public Uni<Void> add(StoredAttachment a) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(INSERT)
                    .setParameter("id", a.id().toString())
                    .setParameter("uploader", a.uploaderId().value().toString())
                    .setParameter("name", a.fileName())
                    .setParameter("type", a.contentType())
                    .setParameter("size", a.size())
                    .setParameter("sha", a.sha256())
                    .setParameter("at", SqlStatement.utc(a.createdAt()))
                    .executeUpdate())
        .replaceWithVoid();
  }

  @Override
  public Uni<Optional<StoredAttachment>> find(UUID id) {
    return primary
        .preparedQuery("select " + COLUMNS + " from attachments where id = $1")
        .execute(Tuple.of(id))
        .map(
            rows -> {
              for (Row r : rows) {
                return Optional.of(stored(r));
              }
              return Optional.empty();
            });
  }

  @Override
  public Uni<List<AttachmentView>> claim(
      List<UUID> ids,
      UserId uploader,
      TicketId ticket,
      Optional<CommentId> comment,
      boolean internal,
      Instant at) {
    String array = ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(CLAIM, Object[].class)
                    .setParameter("ticket", ticket.value().toString())
                    .setParameter("comment", comment.map(c -> c.value().toString()).orElse(""))
                    .setParameter("internal", internal)
                    .setParameter("at", SqlStatement.utc(at))
                    .setParameter("ids", array)
                    .setParameter("uploader", uploader.value().toString())
                    .getResultList())
        .map(
            rows ->
                rows.stream()
                    .map(SqlAttachments::stored)
                    .sorted(Comparator.comparingInt(a -> ids.indexOf(a.id())))
                    .map(StoredAttachment::view)
                    .toList());
  }

  @Override
  public Uni<List<AttachmentView>> ofTicket(TicketId ticket, boolean withInternal) {
    return primary
        .preparedQuery(
            "select "
                + COLUMNS
                + " from attachments where ticket_id = $1"
                + (withInternal ? "" : " and not internal")
                + " order by created_at, id")
        .execute(Tuple.of(ticket.value()))
        .map(
            rows -> {
              List<AttachmentView> out = new ArrayList<>();
              rows.forEach(r -> out.add(stored(r).view()));
              return out;
            });
  }

  @Override
  public Uni<List<AttachmentView>> ofComment(CommentId comment) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(OF_COMMENT, Object[].class)
                    .setParameter("comment", comment.value().toString())
                    .getResultList())
        .map(rows -> rows.stream().map(r -> stored(r).view()).toList());
  }

  @Override
  public Uni<List<UUID>> eraseOfComment(CommentId comment, UserId by, Instant at) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(LOCK_BYTES, String.class)
                    .setParameter("comment", comment.value().toString())
                    .getResultList()
                    .chain(
                        locked ->
                            s.createNativeQuery(ERASE, String.class)
                                .setParameter("at", SqlStatement.utc(at))
                                .setParameter("by", by.value().toString())
                                .setParameter("comment", comment.value().toString())
                                .getResultList()))
        .map(ids -> ids.stream().map(UUID::fromString).toList());
  }

  @Override
  public Uni<List<UUID>> purgeUnclaimed(Instant before, int batch) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(PURGE, String.class)
                    .setParameter("before", SqlStatement.utc(before))
                    .setParameter("batch", batch)
                    .getResultList())
        .map(ids -> ids.stream().map(UUID::fromString).toList());
  }

  private static StoredAttachment stored(Row r) {
    String[] v = new String[12];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.getString(i);
    }
    return stored(v);
  }

  private static StoredAttachment stored(Object[] row) {
    String[] v = new String[row.length];
    for (int i = 0; i < row.length; i++) {
      v[i] = row[i] == null ? null : row[i].toString();
    }
    return stored(v);
  }

  private static StoredAttachment stored(String[] v) {
    return new StoredAttachment(
        UUID.fromString(v[0]),
        UserId.of(UUID.fromString(v[1])),
        v[2],
        v[3],
        Long.parseLong(v[4]),
        v[5],
        Instant.parse(v[6]),
        Optional.ofNullable(v[7]).map(UUID::fromString),
        Optional.ofNullable(v[8]).map(UUID::fromString),
        "true".equals(v[9]),
        Optional.ofNullable(v[10]).map(Instant::parse),
        UUID.fromString(v[11]));
  }
}
