package dev.triage.application.webhook;

import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.TicketEventKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The event type names a webhook may ask for: the stable names of the ticket events ({@code
 * TicketEvent#type()}). A name outside this list is refused rather than silently never matching.
 */
public final class WebhookEventTypes {

  /**
   * Every ticket event type, in the order the domain declares them ({@link
   * TicketEventKind#typeNames()}, which follows the sealed event hierarchy).
   */
  public static final List<String> ALL = TicketEventKind.typeNames();

  private static final Set<String> KNOWN = Set.copyOf(ALL);

  private WebhookEventTypes() {}

  /**
   * The names without repeats, in the order given; absent ({@code null}) is every type (an empty
   * list). An unknown name is a validation failure on {@code field} that names it.
   */
  static Result<List<String>> parse(String field, List<String> names) {
    if (names == null) {
      return Result.ok(List.of());
    }
    Set<String> chosen = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String name : names) {
      if (name != null && KNOWN.contains(name.strip())) {
        chosen.add(name.strip());
      } else {
        unknown.add(String.valueOf(name));
      }
    }
    if (!unknown.isEmpty()) {
      return Result.invalid(
          field,
          "unknown event type "
              + String.join(
                  ", ",
                  unknown.stream().map(n -> n.length() > 50 ? n.substring(0, 50) : n).toList())
              + "; known: "
              + String.join(", ", ALL));
    }
    return Result.ok(List.copyOf(chosen));
  }
}
