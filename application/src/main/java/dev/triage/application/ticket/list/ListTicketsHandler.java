package dev.triage.application.ticket.list;

import dev.triage.application.Page;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.TicketFieldCatalogue;
import dev.triage.application.port.TicketQueries;
import dev.triage.application.port.TicketQueries.TicketRow;
import dev.triage.domain.access.AccessPolicy;
import dev.triage.domain.access.TicketScope;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import dev.triage.domain.ticket.Channel;
import dev.triage.domain.ticket.FieldDefinition;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.Tags;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Lists tickets a page at a time. The access policy's scope narrows every list: a customer's list,
 * search and counts hold only the tickets they opened or are a CC of, whatever filters they send.
 */
public final class ListTicketsHandler implements Handler<ListTickets, Page<TicketSummary>> {

  /** Longest accepted full-text query. */
  public static final int MAX_QUERY_LENGTH = 200;

  private final TicketQueries queries;
  private final AccessPolicy policy;
  private final Clock clock;

  private TicketFieldCatalogue fields = TicketFieldCatalogue.NONE;

  /** Filters by custom fields of {@code fields} too (ADR 20). */
  public ListTicketsHandler(
      TicketQueries queries, AccessPolicy policy, Clock clock, TicketFieldCatalogue fields) {
    this(queries, policy, clock);
    this.fields = fields;
  }

  public ListTicketsHandler(TicketQueries queries, AccessPolicy policy, Clock clock) {
    this.queries = queries;
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public Uni<Result<Page<TicketSummary>>> handle(ListTickets query, RequestContext context) {
    if (query.fields().isEmpty()) {
      return handle(query, Map.of(), context);
    }
    return fields.definitions().flatMap(catalogue -> handle(query, catalogue, context));
  }

  private Uni<Result<Page<TicketSummary>>> handle(
      ListTickets query, Map<String, FieldDefinition> catalogue, RequestContext context) {
    Actor actor = context.actor();
    Result<Plan> planned = plan(query, catalogue, actor);
    if (planned instanceof Result.Err<Plan> err) {
      return Uni.createFrom().item(err.<Page<TicketSummary>>cast());
    }
    Plan plan = planned.orElseThrow();
    if (plan.criteria().isEmpty()) {
      return Uni.createFrom().item(Result.ok(new Page<>(List.of(), Optional.empty())));
    }
    return page(queries, plan.criteria().get(), plan.limit())
        .map(r -> r.map(p -> p.map(t -> t.seenBy(actor))));
  }

  /**
   * What the list query asks of the read side for {@code actor}: its criteria (with the actor's
   * scope) and page size, or the rejection naming every parameter it cannot use. The one reading of
   * list parameters: the list, saved views and their counts all go through it.
   *
   * @param criteria empty when nothing can match (a requester outside the caller's scope)
   */
  public record Plan(Optional<TicketCriteria> criteria, int limit) {}

  /** The custom field catalogue the list reads {@code field.<key>} filters against (ADR 20). */
  public Uni<Map<String, FieldDefinition>> fieldCatalogue() {
    return fields.definitions();
  }

  /**
   * Reads {@code query} as {@code actor} sends it, its field filters against {@code catalogue}
   * ({@link #fieldCatalogue}): see {@link Plan}.
   */
  public Result<Plan> plan(ListTickets query, Map<String, FieldDefinition> catalogue, Actor actor) {
    QueryParams params = new QueryParams();
    Set<Status> statuses = EnumSet.noneOf(Status.class);
    for (String s : query.status()) {
      params.take("status", Status.parse(s)).ifPresent(statuses::add);
    }
    Optional<Priority> priority =
        blank(query.priority())
            ? Optional.empty()
            : params.take("priority", Priority.parse(query.priority()));
    Optional<UserId> assignee = Optional.empty();
    boolean unassigned = false;
    if (!blank(query.assignee())) {
      String named = query.assignee().strip();
      if (named.equals("me")) {
        assignee = Optional.of(actor.id());
      } else if (named.equals("none")) {
        unassigned = true;
      } else if (UserId.parse(named) instanceof Result.Ok<UserId> id) {
        assignee = Optional.of(id.value());
      } else {
        params.malformed("assignee", "must be me, none or a user id");
      }
    }
    Optional<UserId> requester =
        blank(query.requester())
            ? Optional.empty()
            : params.take("requester", UserId.parse(query.requester()));
    Optional<UserId> cc = Optional.empty();
    if (!blank(query.cc())) {
      String named = query.cc().strip();
      if (named.equals("me")) {
        cc = Optional.of(actor.id());
      } else if (UserId.parse(named) instanceof Result.Ok<UserId> id) {
        cc = Optional.of(id.value());
      } else {
        params.malformed("cc", "must be me or a user id");
      }
    }
    Optional<Set<UUID>> groups = Optional.empty();
    boolean noGroup = false;
    if (!blank(query.group())) {
      String named = query.group().strip();
      if (named.equals("mine")) {
        groups = Optional.of(actor.groupIds());
      } else if (named.equals("none")) {
        noGroup = true;
      } else {
        Optional<UUID> id = Uuids.parse(named);
        if (id.isPresent()) {
          groups = Optional.of(Set.of(id.get()));
        } else {
          params.malformed("group", "must be mine, none or a group id");
        }
      }
    }
    Optional<Channel> channel =
        blank(query.channel())
            ? Optional.empty()
            : params.take("channel", Channel.parse(query.channel(), "channel"));
    boolean overdue = params.flag("overdue", query.overdue());
    boolean escalated = params.flag("escalated", query.escalated());
    boolean snoozed = params.flag("snoozed", query.snoozed());
    Optional<Instant> from = params.instant("createdAfter", query.createdAfter());
    Optional<Instant> until = params.instant("createdBefore", query.createdBefore());
    if (from.isPresent() && until.isPresent() && !from.get().isBefore(until.get())) {
      params.invalid("createdBefore", "must be later than createdAfter");
    }
    Optional<String> text = blank(query.q()) ? Optional.empty() : Optional.of(query.q().strip());
    if (text.isPresent() && text.get().length() > MAX_QUERY_LENGTH) {
      params.invalid("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
    }
    List<String> tags =
        query.tag().isEmpty()
            ? List.of()
            : params.take("tag", Tags.of(query.tag())).map(Tags::values).orElse(List.of());
    Map<String, Object> fieldFilters = new TreeMap<>();
    query
        .fields()
        .forEach(
            (key, value) ->
                FieldFilters.value(catalogue.get(key), actor, key, value, params)
                    .ifPresent(v -> fieldFilters.put(key, v)));
    TicketSort sort = TicketSort.NEWEST;
    if (!blank(query.sort())) {
      Optional<TicketSort> named = TicketSort.fromParam(query.sort().strip());
      if (named.isEmpty()) {
        params.malformed("sort", "must be one of " + TicketSort.ACCEPTED);
      } else {
        sort = named.get();
      }
    } else if (text.isPresent()) {
      sort = TicketSort.RELEVANCE;
    }
    int limit = params.limit(query.limit());
    Optional<Keyset> after = Optional.empty();
    if (query.position() != null) {
      after = Keyset.parse(query.position(), sort.code(), keyCheck(sort));
      if (after.isEmpty()) {
        params.malformed("cursor", "is not a cursor of this list and sort");
      }
    }
    if (params.any()) {
      return params.rejection();
    }

    TicketScope scope = policy.scope(actor);
    if (escalated && !actor.isStaff()) {
      // Escalations are internal: to a customer no ticket of theirs is escalated.
      return Result.ok(new Plan(Optional.empty(), limit));
    }
    if (snoozed && !actor.isStaff()) {
      // Snoozes are how staff order their queue: to a customer no ticket of theirs is snoozed.
      return Result.ok(new Plan(Optional.empty(), limit));
    }
    TicketCriteria criteria =
        new TicketCriteria(
                requester,
                statuses,
                priority,
                assignee,
                unassigned,
                overdue,
                escalated,
                from,
                until,
                text,
                tags,
                sort,
                after,
                clock.instant(),
                fieldFilters,
                groups,
                noGroup,
                cc,
                Optional.empty(),
                channel,
                Optional.of(snoozed))
            .within(scope);
    return Result.ok(new Plan(Optional.of(criteria), limit));
  }

  /** One page of {@code criteria}: fetches one row more than asked to know whether more follow. */
  public static Uni<Result<Page<TicketSummary>>> page(
      TicketQueries queries, TicketCriteria criteria, int limit) {
    String sort = criteria.sort().code();
    return queries
        .tickets(criteria, limit + 1)
        .map(
            rows ->
                Result.ok(
                    Page.of(rows, limit, last -> position(last, sort)).map(TicketRow::ticket)));
  }

  /** Where the page after {@code last} starts in the order {@code sort}: its sort key and id. */
  private static String position(TicketRow last, String sort) {
    return new Keyset(last.sortKey(), last.ticket().id()).position(sort);
  }

  /** Whether a cursor's key has the form the sort's key takes. */
  public static Predicate<String> keyCheck(TicketSort sort) {
    return key ->
        switch (sort) {
          case CREATED, NEWEST -> Keyset.isInstant(key);
          case SLA_DUE -> "infinity".equals(key) || Keyset.isInstant(key);
          case PRIORITY -> key.matches("[0-3]");
          case RELEVANCE -> isFiniteFloat(key);
        };
  }

  private static boolean isFiniteFloat(String key) {
    if (!key.matches("[0-9eE.+-]{1,32}")) {
      return false;
    }
    try {
      return Float.isFinite(Float.parseFloat(key));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
