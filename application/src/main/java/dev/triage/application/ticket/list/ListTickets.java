package dev.triage.application.ticket.list;

import dev.triage.application.Page;
import dev.triage.application.bus.Query;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which tickets match these filters, in this order, after this position? Parameters arrive as the
 * client sent them; the handler reads them and names every one it cannot use. Absent ones are null
 * (or an empty list for {@code status}).
 *
 * @param assignee {@code me}, {@code none} or a user id
 * @param tag tags the tickets must all have (the parameter repeated)
 * @param position the decoded cursor of the previous page, if any
 * @param fields custom field filters, {@code field.<key>=<value>}: by key, the value as sent
 * @param group {@code mine}, {@code none} or a group's id
 * @param cc {@code me} or a user id: only the tickets that user is a CC of
 * @param channel {@code web}, {@code phone}, {@code chat}, {@code email} or {@code api}
 * @param snoozed {@code true}: only snoozed tickets; {@code false} (staff's default): none
 */
public record ListTickets(
    List<String> status,
    String priority,
    String assignee,
    String requester,
    String overdue,
    String escalated,
    String createdAfter,
    String createdBefore,
    String q,
    List<String> tag,
    String sort,
    String limit,
    String position,
    Map<String, String> fields,
    String group,
    String cc,
    String channel,
    String snoozed)
    implements Query<Page<TicketSummary>> {

  public ListTickets {
    status = status == null ? List.of() : List.copyOf(status);
    tag = tag == null ? List.of() : List.copyOf(tag);
    fields = fields == null ? Map.of() : Map.copyOf(fields);
  }

  /** A list that does not name the snoozed filter. */
  public ListTickets(
      List<String> status,
      String priority,
      String assignee,
      String requester,
      String overdue,
      String escalated,
      String createdAfter,
      String createdBefore,
      String q,
      List<String> tag,
      String sort,
      String limit,
      String position,
      Map<String, String> fields,
      String group,
      String cc,
      String channel) {
    this(
        status,
        priority,
        assignee,
        requester,
        overdue,
        escalated,
        createdAfter,
        createdBefore,
        q,
        tag,
        sort,
        limit,
        position,
        fields,
        group,
        cc,
        channel,
        null);
  }

  /** A list not filtered by CCs nor by channel. */
  public ListTickets(
      List<String> status,
      String priority,
      String assignee,
      String requester,
      String overdue,
      String escalated,
      String createdAfter,
      String createdBefore,
      String q,
      List<String> tag,
      String sort,
      String limit,
      String position,
      Map<String, String> fields,
      String group) {
    this(
        status,
        priority,
        assignee,
        requester,
        overdue,
        escalated,
        createdAfter,
        createdBefore,
        q,
        tag,
        sort,
        limit,
        position,
        fields,
        group,
        null,
        null);
  }

  /** A list filtered by no custom field and not by group. */
  public ListTickets(
      List<String> status,
      String priority,
      String assignee,
      String requester,
      String overdue,
      String escalated,
      String createdAfter,
      String createdBefore,
      String q,
      List<String> tag,
      String sort,
      String limit,
      String position) {
    this(
        status,
        priority,
        assignee,
        requester,
        overdue,
        escalated,
        createdAfter,
        createdBefore,
        q,
        tag,
        sort,
        limit,
        position,
        Map.of(),
        null,
        null,
        null);
  }

  /**
   * The names that are not filters: the order, the page size and the page position (sent as {@code
   * cursor}), each given on its own.
   */
  public static final List<String> NOT_FILTERS = List.of("sort", "limit", "cursor", "position");

  /**
   * The list query of {@code filters} (each query parameter of the list by its name, with its
   * values) in the order {@code sort}, {@code limit} to a page, after {@code position}: the one way
   * a list query is built from a map of parameters, so saved views and their counts read exactly
   * what {@code GET /api/v1/tickets} reads. Each filter is the record component of its name: a
   * {@code List<String>} component takes the parameter repeated, a {@code String} one a single
   * value, so a filter added to this record is a filter here with no more code. A name that is no
   * filter, or a single-valued filter given several values, is refused naming it.
   */
  public static Result<ListTickets> fromParameters(
      Map<String, List<String>> filters, String sort, String limit, String position) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : filters.entrySet()) {
      String name = e.getKey();
      Optional<RecordComponent> component = filter(name);
      if (isFieldFilter(name)) {
        if (e.getValue() == null || e.getValue().isEmpty()) {
          errors.put(name, List.of("must have a value"));
        } else if (e.getValue().size() > 1) {
          errors.put(name, List.of("takes one value"));
        }
      } else if (component.isEmpty()) {
        errors.put(
            name,
            List.of(
                NOT_FILTERS.contains(name)
                    ? "is not a filter (the order, the page size and the cursor are given apart)"
                    : "is not a filter of the ticket list"));
      } else if (e.getValue() == null || e.getValue().isEmpty()) {
        errors.put(name, List.of("must have a value"));
      } else if (component.get().getType() == String.class && e.getValue().size() > 1) {
        errors.put(name, List.of("takes one value"));
      }
    }
    if (!errors.isEmpty()) {
      return new Result.Err<>(
          ErrorCode.VALIDATION_FAILED, "Some parameters are not filters of the list.", errors);
    }
    RecordComponent[] components = ListTickets.class.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      types[i] = c.getType();
      args[i] =
          switch (c.getName()) {
            case "sort" -> sort;
            case "limit" -> limit;
            case "position" -> position;
            case "fields" -> fieldFilters(filters);
            default -> {
              List<String> values = filters.get(c.getName());
              if (c.getType() == List.class) {
                yield values == null ? List.of() : new ArrayList<>(values);
              }
              yield values == null ? null : values.getFirst();
            }
          };
    }
    try {
      Constructor<ListTickets> canonical = ListTickets.class.getDeclaredConstructor(types);
      return Result.ok(canonical.newInstance(args));
    } catch (NoSuchMethodException
        | InstantiationException
        | IllegalAccessException
        | InvocationTargetException e) {
      throw new IllegalStateException("ListTickets cannot be built from its components", e);
    }
  }

  /** A custom field filter's parameter: {@code field.<key>}. */
  private static boolean isFieldFilter(String name) {
    return name.startsWith(FIELD_PREFIX) && name.length() > FIELD_PREFIX.length();
  }

  private static final String FIELD_PREFIX = "field.";

  /** The {@code field.<key>} parameters among {@code filters}, by key. */
  private static Map<String, String> fieldFilters(Map<String, List<String>> filters) {
    Map<String, String> fields = new LinkedHashMap<>();
    filters.forEach(
        (name, values) -> {
          if (isFieldFilter(name)) {
            fields.put(name.substring(FIELD_PREFIX.length()), values.getFirst());
          }
        });
    return fields;
  }

  /** Whether the filter {@code name} is repeatable (its values are a list), when it is one. */
  public static boolean repeatable(String name) {
    return filter(name).map(c -> c.getType() == List.class).orElse(false);
  }

  /** The component of the filter {@code name}: any but the order, the page size and position. */
  private static Optional<RecordComponent> filter(String name) {
    if (NOT_FILTERS.contains(name)) {
      return Optional.empty();
    }
    for (RecordComponent c : ListTickets.class.getRecordComponents()) {
      if (c.getName().equals(name) && (c.getType() == String.class || c.getType() == List.class)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
