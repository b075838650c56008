package dev.triage.application.canned;

import dev.triage.application.port.TextTemplates;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.user.Account;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The placeholders a reply template may use, checked when the template is saved (an unknown one is
 * refused then, never rendered blank later), and their values for one ticket, its requester and the
 * agent who sends it.
 */
public final class Placeholders {

  /** Every placeholder a template may name. */
  public static final Set<String> KNOWN =
      Set.copyOf(
          new TreeSet<>(
              List.of(
                  "ticket.number",
                  "ticket.title",
                  "ticket.status",
                  "ticket.priority",
                  "requester.displayName",
                  "requester.email",
                  "agent.displayName",
                  "agent.email")));

  private Placeholders() {}

  /**
   * {@code text} when the engine parses it and it names known placeholders only; else a rejection
   * naming {@code field} and each unknown placeholder.
   */
  public static Result<String> check(TextTemplates templates, String text, String field) {
    return templates
        .placeholders(text, field)
        .flatMap(
            names -> {
              Set<String> unknown = new TreeSet<>();
              for (String n : names) {
                if (!KNOWN.contains(n)) {
                  unknown.add(n);
                }
              }
              return unknown.isEmpty()
                  ? Result.ok(text)
                  : Result.invalid(
                      field,
                      "unknown placeholder"
                          + (unknown.size() > 1 ? "s " : " ")
                          + String.join(", ", unknown.stream().map(u -> "{{" + u + "}}").toList())
                          + "; known: "
                          + String.join(", ", new TreeSet<>(KNOWN)));
            });
  }

  /** The values of the placeholders for {@code ticket}, its requester and the sending agent. */
  public static Map<String, Map<String, String>> values(
      Ticket ticket, Optional<Account> requester, Optional<Account> agent) {
    Map<String, Map<String, String>> values = new LinkedHashMap<>();
    values.put(
        "ticket",
        Map.of(
            "number", ticket.number().value(),
            "title", ticket.title().value(),
            "status", ticket.status().name(),
            "priority", ticket.priority().name()));
    values.put("requester", person(requester));
    values.put("agent", person(agent));
    return values;
  }

  private static Map<String, String> person(Optional<Account> account) {
    return Map.of(
        "displayName", account.map(a -> a.displayName().value()).orElse(""),
        "email", account.map(a -> a.email().value()).orElse(""));
  }
}
