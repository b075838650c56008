package dev.triage.application.ticket;

import dev.triage.domain.ticket.Category;
import dev.triage.domain.ticket.Comment;
import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.Description;
import dev.triage.domain.ticket.LockableField;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.SlaClock;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.Tags;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.TicketNumber;
import dev.triage.domain.ticket.Title;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A ticket's state as the audit trail keeps it. A creation keeps every field; a change keeps the
 * ticket's id, number and version and the fields it changed, before and after ({@link #changes}),
 * with the facts of the comment it wrote (who, when, internal, redacted), never the comment's text
 * and never the ticket's other comments: the audit log cannot be changed, so text kept there would
 * survive a redaction, and an entry's size does not grow with the ticket's history.
 */
public record TicketAuditState(
    TicketId id,
    TicketNumber number,
    UserId requesterId,
    Title title,
    Description description,
    Priority priority,
    Optional<Category> category,
    Tags tags,
    Status status,
    Optional<UserId> assigneeId,
    Instant createdAt,
    Instant updatedAt,
    Optional<Instant> firstRespondedAt,
    Optional<Instant> resolvedAt,
    Optional<Instant> closedAt,
    Optional<Instant> escalatedAt,
    int escalationLevel,
    boolean autoEscalated,
    Optional<TicketId> followUpOf,
    Set<SlaClock> slaWarningsRecorded,
    Set<SlaClock> slaBreachesRecorded,
    long version,
    List<String> locks,
    Map<String, Object> customFields,
    Set<UserId> ccIds,
    Set<UserId> followerIds,
    String channel,
    UserId createdById,
    Optional<Instant> snoozedUntil,
    Optional<TicketId> mergedInto) {

  /** A comment without its text. */
  public record CommentFact(
      CommentId id,
      UserId authorId,
      Role authorRole,
      boolean internal,
      Instant createdAt,
      Optional<Comment.Redaction> redaction) {

    static CommentFact of(Comment c) {
      return new CommentFact(
          c.id(), c.authorId(), c.authorRole(), c.internal(), c.createdAt(), c.redaction());
    }
  }

  /** The states before and after a change, as field name to value. */
  public record Diff(Map<String, Object> before, Map<String, Object> after) {}

  public static TicketAuditState of(Ticket s) {
    return new TicketAuditState(
        s.id(),
        s.number(),
        s.requesterId(),
        s.title(),
        s.description(),
        s.priority(),
        s.category(),
        s.tags(),
        s.status(),
        s.assigneeId(),
        s.createdAt(),
        s.updatedAt(),
        s.firstRespondedAt(),
        s.resolvedAt(),
        s.closedAt(),
        s.escalatedAt(),
        s.escalationLevel(),
        s.autoEscalated(),
        s.followUpOf(),
        s.slaWarningsRecorded(),
        s.slaBreachesRecorded(),
        s.version(),
        s.locks().stream().map(LockableField::jsonName).toList(),
        s.fields().values(),
        s.participants().ccIds(),
        s.participants().followerIds(),
        s.origin().channel().jsonName(),
        s.origin().createdBy(s.requesterId()),
        s.snoozedUntil(),
        s.mergedInto());
  }

  /**
   * What {@code change} of {@code before} did, for the audit trail: id, number and version always,
   * then each field whose value changed, and under {@code comment} the facts of the comment the
   * change wrote (absent before an addition; unredacted before a redaction).
   */
  public static Diff changes(Ticket before, TicketChange change) {
    Map<String, Object> was = of(before).fields();
    Map<String, Object> now = of(change.ticket()).fields();
    Map<String, Object> b = new LinkedHashMap<>();
    Map<String, Object> a = new LinkedHashMap<>();
    for (Map.Entry<String, Object> field : was.entrySet()) {
      String name = field.getKey();
      Object after = now.get(name);
      boolean identity = name.equals("id") || name.equals("number") || name.equals("version");
      if (name.equals("fields") && !Objects.equals(field.getValue(), after)) {
        // Custom fields: only the values the change set or cleared (null for none).
        fieldChanges(castMap(field.getValue()), castMap(after), b, a);
      } else if (identity || !Objects.equals(field.getValue(), after)) {
        b.put(name, field.getValue());
        a.put(name, after);
      }
    }
    change
        .comment()
        .ifPresent(
            c -> {
              CommentFact written = CommentFact.of(c);
              a.put("comment", written);
              if (c.isRedacted()) {
                b.put(
                    "comment",
                    new CommentFact(
                        c.id(),
                        c.authorId(),
                        c.authorRole(),
                        c.internal(),
                        c.createdAt(),
                        Optional.empty()));
              }
            });
    return new Diff(b, a);
  }

  private static void fieldChanges(
      Map<String, Object> was,
      Map<String, Object> now,
      Map<String, Object> b,
      Map<String, Object> a) {
    Map<String, Object> before = new LinkedHashMap<>();
    Map<String, Object> after = new LinkedHashMap<>();
    java.util.Set<String> keys = new java.util.TreeSet<>(was.keySet());
    keys.addAll(now.keySet());
    for (String key : keys) {
      if (!Objects.equals(was.get(key), now.get(key))) {
        before.put(key, was.get(key));
        after.put(key, now.get(key));
      }
    }
    b.put("fields", before);
    a.put("fields", after);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object value) {
    return (Map<String, Object>) value;
  }

  private Map<String, Object> fields() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("id", id);
    f.put("number", number);
    f.put("requesterId", requesterId);
    f.put("title", title);
    f.put("description", description);
    f.put("priority", priority);
    f.put("category", category);
    f.put("tags", tags);
    f.put("status", status);
    f.put("assigneeId", assigneeId);
    f.put("createdAt", createdAt);
    f.put("updatedAt", updatedAt);
    f.put("firstRespondedAt", firstRespondedAt);
    f.put("resolvedAt", resolvedAt);
    f.put("closedAt", closedAt);
    f.put("escalatedAt", escalatedAt);
    f.put("escalationLevel", escalationLevel);
    f.put("autoEscalated", autoEscalated);
    f.put("followUpOf", followUpOf);
    f.put("slaWarningsRecorded", slaWarningsRecorded);
    f.put("slaBreachesRecorded", slaBreachesRecorded);
    f.put("version", version);
    f.put("locks", locks);
    f.put("fields", customFields);
    f.put("ccIds", ccIds);
    f.put("followerIds", followerIds);
    f.put("channel", channel);
    f.put("createdById", createdById);
    f.put("snoozedUntil", snoozedUntil);
    f.put("mergedInto", mergedInto);
    return f;
  }
}
