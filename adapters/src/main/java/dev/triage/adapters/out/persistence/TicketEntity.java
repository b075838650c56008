package dev.triage.adapters.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.application.sla.SlaPinIds;
import dev.triage.application.sla.TicketSlaState;
import dev.triage.domain.escalation.SlaAlarmPolicy;
import dev.triage.domain.sla.ClockStatus;
import dev.triage.domain.sla.SlaStatus;
import dev.triage.domain.ticket.Category;
import dev.triage.domain.ticket.Channel;
import dev.triage.domain.ticket.Description;
import dev.triage.domain.ticket.LockableField;
import dev.triage.domain.ticket.NextReplyFacts;
import dev.triage.domain.ticket.Participants;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.SlaAlarm;
import dev.triage.domain.ticket.SlaAlarmKey;
import dev.triage.domain.ticket.SlaClock;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.StatusChange;
import dev.triage.domain.ticket.Tags;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.TicketNumber;
import dev.triage.domain.ticket.TicketOrigin;
import dev.triage.domain.ticket.Title;
import dev.triage.domain.user.UserId;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The {@code tickets} row: the persistence model of the ticket aggregate. */
@Entity
@Table(name = "tickets")
public class TicketEntity extends PanacheEntityBase {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Id public UUID id;

  @Column(nullable = false, unique = true)
  public String number;

  @Column(name = "requester_id", nullable = false)
  public UUID requesterId;

  public String title;
  public String description;
  public String priority;
  public String category;
  public String[] tags;
  public String status;

  @Column(name = "assignee_id")
  public UUID assigneeId;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  @Column(name = "first_responded_at")
  public Instant firstRespondedAt;

  @Column(name = "resolved_at")
  public Instant resolvedAt;

  @Column(name = "closed_at")
  public Instant closedAt;

  @Column(name = "escalated_at")
  public Instant escalatedAt;

  @Column(name = "escalation_level")
  public int escalationLevel;

  @Column(name = "auto_escalated")
  public boolean autoEscalated;

  @Column(name = "follow_up_of")
  public UUID followUpOf;

  @Column(name = "status_history")
  public String statusHistory;

  @Column(name = "sla_warnings")
  public String[] slaWarnings;

  @Column(name = "sla_breaches")
  public String[] slaBreaches;

  public long version;

  @Column(name = "first_response_due_at")
  public Instant firstResponseDueAt;

  @Column(name = "resolution_due_at")
  public Instant resolutionDueAt;

  @Column(name = "sla_due_at")
  public Instant slaDueAt;

  /** When the next SLA warning or breach falls due (SlaAlarmPolicy.nextAlarmAt); V13. */
  @Column(name = "next_sla_alarm_at")
  public Instant nextSlaAlarmAt;

  /** The policy version the ticket is measured against (ADR 17); V18. */
  @Column(name = "sla_policy_version_id")
  public UUID slaPolicyVersionId;

  /** The calendar version the ticket is measured in (ADR 17); V18. */
  @Column(name = "sla_calendar_version_id")
  public UUID slaCalendarVersionId;

  /** Since when the requester waits for a public staff reply; null when nobody waits. V18. */
  @Column(name = "awaiting_reply_since")
  public Instant awaitingReplySince;

  /** The current reply cycle, 0 before the first. V18. */
  @Column(name = "reply_cycle")
  public int replyCycle;

  /** The alarms ("WARNING", "BREACH") the current reply cycle recorded. V18. */
  @Column(name = "reply_alarms")
  public String[] replyAlarms;

  /**
   * Business seconds a stopped first-response clock counted in the ticket's calendar, null while it
   * runs (V7 fills wall seconds for a write that gives none); the dashboard reads it.
   */
  @Column(name = "first_response_seconds")
  public Long firstResponseSeconds;

  /** As {@link #firstResponseSeconds}, for resolution. */
  @Column(name = "resolution_seconds")
  public Long resolutionSeconds;

  /** The JSON names of the fields an admin locked (V20). */
  @Column(name = "locked_fields")
  public String[] lockedFields;

  /** The group the ticket belongs to, null for none (V23). */
  @Column(name = "group_id")
  public UUID groupId;

  /** The channel the ticket came in by, in lower case (V26). */
  public String channel;

  /** Who typed the ticket in; null for tickets from before V26 (their requester did). */
  @Column(name = "created_by_id")
  public UUID createdById;

  /**
   * The custom field values, a JSON object by key, as text (V24's jsonb column {@code fields}).
   * Read with the row (as text, so no JSON mapping runs), never written by the mapping: {@link
   * PanacheTickets} writes the column only when the values change, and a new ticket's row carries
   * them ({@link #insertRows}, as JSON).
   */
  @Column(name = "fields", insertable = false, updatable = false)
  @org.hibernate.annotations.ColumnTransformer(read = "cast(fields as text)")
  public String fields;

  /** The customers copied on the ticket, in the order they were added (V29). */
  @Column(name = "cc_ids")
  public UUID[] ccIds;

  /** The staff who follow the ticket, in the order they were added (V29). */
  @Column(name = "follower_ids")
  public UUID[] followerIds;

  /** Until when staff snoozed the ticket, null when it is not snoozed (V38). */
  @Column(name = "snoozed_until")
  public Instant snoozedUntil;

  /** The ticket this one was merged into, null when it was not (V39). */
  @Column(name = "merged_into_id")
  public UUID mergedIntoId;

  /** A column of a new row: its name, its value in the entity, whether that value is JSON text. */
  private record RowColumn(
      String name, java.util.function.Function<TicketEntity, Object> value, boolean json) {}

  private static RowColumn column(
      String name, java.util.function.Function<TicketEntity, Object> value) {
    return new RowColumn(name, value, false);
  }

  private static RowColumn jsonColumn(
      String name, java.util.function.Function<TicketEntity, Object> value) {
    return new RowColumn(name, value, true);
  }

  /**
   * The columns of a new row (every persistent field; generated columns are the database's), read
   * without reflection: reflective reads were a visible share of a create. {@code
   * TicketEntityRowTest} fails when a field is added to the entity and not here.
   */
  private static final List<RowColumn> ROW =
      List.of(
          column("id", e -> e.id),
          column("number", e -> e.number),
          column("requester_id", e -> e.requesterId),
          column("title", e -> e.title),
          column("description", e -> e.description),
          column("priority", e -> e.priority),
          column("category", e -> e.category),
          column("tags", e -> e.tags),
          column("status", e -> e.status),
          column("assignee_id", e -> e.assigneeId),
          column("created_at", e -> e.createdAt),
          column("updated_at", e -> e.updatedAt),
          column("first_responded_at", e -> e.firstRespondedAt),
          column("resolved_at", e -> e.resolvedAt),
          column("closed_at", e -> e.closedAt),
          column("escalated_at", e -> e.escalatedAt),
          column("escalation_level", e -> e.escalationLevel),
          column("auto_escalated", e -> e.autoEscalated),
          column("follow_up_of", e -> e.followUpOf),
          column("status_history", e -> e.statusHistory),
          column("sla_warnings", e -> e.slaWarnings),
          column("sla_breaches", e -> e.slaBreaches),
          column("version", e -> e.version),
          column("first_response_due_at", e -> e.firstResponseDueAt),
          column("resolution_due_at", e -> e.resolutionDueAt),
          column("sla_due_at", e -> e.slaDueAt),
          column("next_sla_alarm_at", e -> e.nextSlaAlarmAt),
          column("sla_policy_version_id", e -> e.slaPolicyVersionId),
          column("sla_calendar_version_id", e -> e.slaCalendarVersionId),
          column("awaiting_reply_since", e -> e.awaitingReplySince),
          column("reply_cycle", e -> e.replyCycle),
          column("reply_alarms", e -> e.replyAlarms),
          column("first_response_seconds", e -> e.firstResponseSeconds),
          column("resolution_seconds", e -> e.resolutionSeconds),
          column("locked_fields", e -> e.lockedFields),
          column("group_id", e -> e.groupId),
          jsonColumn("fields", e -> e.fields),
          column("cc_ids", e -> e.ccIds),
          column("follower_ids", e -> e.followerIds),
          column("channel", e -> e.channel),
          column("created_by_id", e -> e.createdById),
          column("snoozed_until", e -> e.snoozedUntil),
          column("merged_into_id", e -> e.mergedIntoId));

  /** {@link #ROW}'s column names, comma separated, for an {@code insert}. */
  static final String INSERT_COLUMNS =
      String.join(", ", ROW.stream().map(RowColumn::name).toList());

  /** The names of the columns a new row is inserted with, in order. */
  static List<String> insertColumns() {
    return ROW.stream().map(RowColumn::name).toList();
  }

  /**
   * The column of every persistent field of the entity (not static, not transient, not added by the
   * build's enhancement): what {@link #ROW} must cover.
   */
  static List<String> persistentColumns() {
    return Arrays.stream(TicketEntity.class.getDeclaredFields())
        .filter(
            f -> {
              int m = f.getModifiers();
              return !java.lang.reflect.Modifier.isStatic(m)
                  && !java.lang.reflect.Modifier.isTransient(m)
                  && !f.isSynthetic()
                  && !f.getName().startsWith("$$");
            })
        .map(
            f -> {
              Column c = f.getAnnotation(Column.class);
              return c != null && !c.name().isEmpty() ? c.name() : f.getName();
            })
        .toList();
  }

  private static final com.fasterxml.jackson.core.JsonFactory ROW_JSON =
      new com.fasterxml.jackson.core.JsonFactory();

  /**
   * New rows as a JSON array of objects keyed by column name, as {@code
   * jsonb_populate_recordset(null::tickets, ...)} reads them: instants in ISO-8601, arrays as
   * arrays, a {@code jsonb} column (its JSON text in a field marked
   * {@code @JdbcTypeCode(SqlTypes.JSON)} or written {@code cast(? as jsonb)}) embedded as it is.
   */
  static String insertRows(List<TicketEntity> rows) {
    java.io.StringWriter out = new java.io.StringWriter(2048);
    try (com.fasterxml.jackson.core.JsonGenerator g = ROW_JSON.createGenerator(out)) {
      g.writeStartArray();
      for (TicketEntity row : rows) {
        g.writeStartObject();
        for (RowColumn c : ROW) {
          g.writeFieldName(c.name());
          writeValue(g, c, c.value().apply(row));
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("ticket row not writable", e);
    }
    return out.toString();
  }

  private static void writeValue(
      com.fasterxml.jackson.core.JsonGenerator g, RowColumn column, Object value)
      throws java.io.IOException {
    switch (value) {
      case null -> g.writeNull();
      case String text when column.json() -> g.writeRawValue(text);
      case String text -> g.writeString(text);
      case String[] texts -> {
        g.writeStartArray();
        for (String t : texts) {
          g.writeString(t);
        }
        g.writeEndArray();
      }
      case UUID[] ids -> {
        g.writeStartArray();
        for (UUID id : ids) {
          g.writeString(id.toString());
        }
        g.writeEndArray();
      }
      case Boolean b -> g.writeBoolean(b);
      case Integer i -> g.writeNumber(i);
      case Long l -> g.writeNumber(l);
      case UUID u -> g.writeString(u.toString());
      case Instant i -> g.writeString(i.toString());
      default ->
          throw new IllegalStateException(
              "no JSON form for column " + column.name() + " of " + value.getClass());
    }
  }

  /** One entry of the status history as stored in JSON. */
  record HistoryRow(String status, String at) {}

  /** The columns {@link #fromRow} reads. */
  static final String COLUMNS =
      "id, number, requester_id, title, description, priority, category, tags, status,"
          + " assignee_id, created_at, updated_at, first_responded_at, resolved_at, closed_at,"
          + " escalated_at, escalation_level, auto_escalated, follow_up_of, status_history,"
          + " sla_warnings, sla_breaches, version, sla_policy_version_id,"
          + " sla_calendar_version_id, awaiting_reply_since, reply_cycle, reply_alarms,"
          + " locked_fields, cast(fields as text) as fields, group_id, cc_ids, follower_ids,"
          + " channel, created_by_id, snoozed_until, merged_into_id";

  /** A detached copy of a row read through the pool ({@link #COLUMNS}), to map to the domain. */
  static TicketEntity fromRow(Row r) {
    TicketEntity e = new TicketEntity();
    e.id = r.getUUID("id");
    e.number = r.getString("number");
    e.requesterId = r.getUUID("requester_id");
    e.title = r.getString("title");
    e.description = r.getString("description");
    e.priority = r.getString("priority");
    e.category = r.getString("category");
    e.tags = r.getArrayOfStrings("tags");
    e.status = r.getString("status");
    e.assigneeId = r.getUUID("assignee_id");
    e.createdAt = instant(r, "created_at");
    e.updatedAt = instant(r, "updated_at");
    e.firstRespondedAt = instant(r, "first_responded_at");
    e.resolvedAt = instant(r, "resolved_at");
    e.closedAt = instant(r, "closed_at");
    e.escalatedAt = instant(r, "escalated_at");
    e.escalationLevel = r.getInteger("escalation_level");
    e.autoEscalated = r.getBoolean("auto_escalated");
    e.followUpOf = r.getUUID("follow_up_of");
    e.statusHistory = r.getString("status_history");
    e.slaWarnings = r.getArrayOfStrings("sla_warnings");
    e.slaBreaches = r.getArrayOfStrings("sla_breaches");
    e.version = r.getLong("version");
    e.slaPolicyVersionId = r.getUUID("sla_policy_version_id");
    e.slaCalendarVersionId = r.getUUID("sla_calendar_version_id");
    e.awaitingReplySince = instant(r, "awaiting_reply_since");
    e.replyCycle = r.getInteger("reply_cycle");
    e.replyAlarms = r.getArrayOfStrings("reply_alarms");
    e.lockedFields = r.getArrayOfStrings("locked_fields");
    e.fields = r.getString("fields");
    e.groupId = r.getUUID("group_id");
    e.ccIds = r.getArrayOfUUIDs("cc_ids");
    e.followerIds = r.getArrayOfUUIDs("follower_ids");
    e.channel = r.getString("channel");
    e.createdById = r.getUUID("created_by_id");
    e.snoozedUntil = instant(r, "snoozed_until");
    e.mergedIntoId = r.getUUID("merged_into_id");
    return e;
  }

  private static Instant instant(Row r, String column) {
    OffsetDateTime at = r.getOffsetDateTime(column);
    return at == null ? null : at.toInstant();
  }

  static TicketEntity fromDomain(Ticket s, TicketSlaState state, SlaStatus sla) {
    TicketEntity e = new TicketEntity();
    e.copy(s, state, sla);
    return e;
  }

  void copy(Ticket s, TicketSlaState state, SlaStatus sla) {
    firstResponseDueAt = runningDue(sla.firstResponse());
    resolutionDueAt = runningDue(sla.resolution());
    slaDueAt =
        sla.clocks().stream()
            .map(TicketEntity::runningDue)
            .filter(Objects::nonNull)
            .min(Instant::compareTo)
            .orElse(null);
    firstResponseSeconds = stoppedSeconds(sla.firstResponse());
    resolutionSeconds = stoppedSeconds(sla.resolution());
    slaPolicyVersionId = state.pin().policyVersionId();
    slaCalendarVersionId = state.pin().calendarVersionId();
    NextReplyFacts reply = state.nextReply();
    awaitingReplySince = reply.awaitingReplySince().orElse(null);
    replyCycle = reply.replyCycle();
    replyAlarms =
        reply.alarmsRecorded().stream().map(k -> k.kind().name()).sorted().toArray(String[]::new);
    id = s.id().value();
    number = s.number().value();
    requesterId = s.requesterId().value();
    title = s.title().value();
    description = s.description().value();
    priority = s.priority().name();
    category = s.category().map(Category::value).orElse(null);
    tags = s.tags().values().toArray(String[]::new);
    status = s.status().name();
    assigneeId = s.assigneeId().map(UserId::value).orElse(null);
    createdAt = s.createdAt();
    updatedAt = s.updatedAt();
    firstRespondedAt = s.firstRespondedAt().orElse(null);
    resolvedAt = s.resolvedAt().orElse(null);
    closedAt = s.closedAt().orElse(null);
    escalatedAt = s.escalatedAt().orElse(null);
    escalationLevel = s.escalationLevel();
    autoEscalated = s.autoEscalated();
    followUpOf = s.followUpOf().map(TicketId::value).orElse(null);
    statusHistory = historyJson(s.statusHistory());
    slaWarnings = s.slaWarningsRecorded().stream().map(Enum::name).sorted().toArray(String[]::new);
    slaBreaches = s.slaBreachesRecorded().stream().map(Enum::name).sorted().toArray(String[]::new);
    version = s.version();
    lockedFields = s.locks().stream().map(LockableField::jsonName).toArray(String[]::new);
    fields = FieldValuesJson.write(s.fields().values());
    groupId = s.groupId().orElse(null);
    ccIds = s.participants().ccIds().stream().map(UserId::value).toArray(UUID[]::new);
    followerIds = s.participants().followerIds().stream().map(UserId::value).toArray(UUID[]::new);
    channel = s.origin().channel().jsonName();
    createdById = s.origin().createdBy().map(UserId::value).orElse(null);
    snoozedUntil = s.snoozedUntil().orElse(null);
    mergedIntoId = s.mergedInto().map(TicketId::value).orElse(null);
    nextSlaAlarmAt = SlaAlarmPolicy.nextAlarmAt(s, sla, reply).orElse(null);
  }

  /** What the ticket keeps for its clocks beside the record. */
  TicketSlaState slaState() {
    Set<SlaAlarmKey> alarms = new LinkedHashSet<>();
    if (replyAlarms != null) {
      for (String kind : replyAlarms) {
        alarms.add(SlaAlarmKey.nextReply(SlaAlarm.Kind.valueOf(kind), replyCycle));
      }
    }
    return new TicketSlaState(
        new SlaPinIds(slaPolicyVersionId, slaCalendarVersionId),
        new NextReplyFacts(Optional.ofNullable(awaitingReplySince), replyCycle, alarms));
  }

  private static Long stoppedSeconds(ClockStatus clock) {
    return clock.stopped() ? clock.elapsed().toSeconds() : null;
  }

  /** The ticket this row holds; a row that breaks its invariants is refused as corrupt. */
  Ticket toDomain() {
    return new Ticket(
        new TicketId(id),
        new TicketNumber(number),
        new UserId(requesterId),
        Title.of(title).orElseThrow(),
        Description.of(description).orElseThrow(),
        Priority.valueOf(priority),
        Optional.ofNullable(category).map(Category::new),
        new Tags(tags == null ? List.of() : Arrays.asList(tags)),
        Status.valueOf(status),
        Optional.ofNullable(assigneeId).map(UserId::new),
        createdAt,
        updatedAt,
        Optional.ofNullable(firstRespondedAt),
        Optional.ofNullable(resolvedAt),
        Optional.ofNullable(closedAt),
        Optional.ofNullable(escalatedAt),
        escalationLevel,
        autoEscalated,
        Optional.ofNullable(followUpOf).map(TicketId::new),
        history(statusHistory),
        clocks(slaWarnings),
        clocks(slaBreaches),
        version,
        locks(lockedFields),
        FieldValuesJson.read(fields),
        Optional.ofNullable(groupId),
        new Participants(users(ccIds), users(followerIds)),
        new TicketOrigin(
            channel == null ? Channel.WEB : Channel.valueOf(channel.toUpperCase(Locale.ROOT)),
            Optional.ofNullable(createdById).map(UserId::new)),
        Optional.ofNullable(snoozedUntil),
        Optional.ofNullable(mergedIntoId).map(TicketId::new));
  }

  private static Set<UserId> users(UUID[] ids) {
    Set<UserId> users = new LinkedHashSet<>();
    if (ids != null) {
      for (UUID id : ids) {
        users.add(new UserId(id));
      }
    }
    return users;
  }

  private static Instant runningDue(ClockStatus clock) {
    return clock.running() ? clock.dueAt() : null;
  }

  private static Set<LockableField> locks(String[] names) {
    EnumSet<LockableField> set = EnumSet.noneOf(LockableField.class);
    if (names != null) {
      for (String n : names) {
        set.add(LockableField.parse(n, "locked_fields").orElseThrow());
      }
    }
    return set;
  }

  private static Set<SlaClock> clocks(String[] names) {
    EnumSet<SlaClock> set = EnumSet.noneOf(SlaClock.class);
    if (names != null) {
      for (String n : names) {
        set.add(SlaClock.valueOf(n));
      }
    }
    return set;
  }

  private static String historyJson(List<StatusChange> history) {
    List<HistoryRow> rows = new ArrayList<>(history.size());
    for (StatusChange c : history) {
      rows.add(new HistoryRow(c.status().name(), c.at().toString()));
    }
    try {
      return JSON.writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("status history not serializable", e);
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectReader HISTORY =
      JSON.readerFor(new TypeReference<List<HistoryRow>>() {});

  private static List<StatusChange> history(String json) {
    try {
      List<HistoryRow> rows = HISTORY.readValue(json);
      List<StatusChange> history = new ArrayList<>(rows.size());
      for (HistoryRow r : rows) {
        history.add(new StatusChange(Status.valueOf(r.status()), instant(r.at())));
      }
      return history;
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored status history is not readable", e);
    }
  }

  /**
   * An instant as {@link Instant#toString} writes it in the history ({@code
   * 2026-03-02T09:15:30.123456Z}), read without a formatter (the ticket's every read parses each
   * entry); anything else goes to {@link Instant#parse}.
   */
  static Instant instant(String text) {
    int n = text.length();
    if (n < 20
        || n > 30
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(n - 1) != 'Z'
        || n > 20 && (n == 21 || text.charAt(19) != '.')) {
      return Instant.parse(text);
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    int nanos = 0;
    if (n > 20) {
      int fraction = digits(text, 20, n - 1);
      if (fraction < 0) {
        return Instant.parse(text);
      }
      nanos = fraction;
      for (int i = n - 1 - 20; i < 9; i++) {
        nanos *= 10;
      }
    }
    if ((year | month | day | hour | minute | second) < 0
        || month < 1
        || month > 12
        || day < 1
        || day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth()
        || hour > 23
        || minute > 59
        || second > 59) {
      return Instant.parse(text);
    }
    long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
  }

  /** The decimal number in {@code text[from, to)}, or -1 if any character is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
