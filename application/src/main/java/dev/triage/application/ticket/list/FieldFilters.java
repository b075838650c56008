package dev.triage.application.ticket.list;

import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.FieldDefinition;
import dev.triage.domain.user.Actor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Reads a list filter {@code field.<key>=<value>} (ADR 20): the value a ticket must hold, typed as
 * stored. A key that names no active field the caller sees (a customer and a staff-only field
 * included, so nothing leaks) or a value of the wrong type is refused naming {@code field.<key>}.
 * For a MULTI_SELECT field the value is one option the ticket must include.
 */
final class FieldFilters {

  private FieldFilters() {}

  static Optional<Object> value(
      FieldDefinition field, Actor actor, String key, String text, QueryParams params) {
    String name = "field." + key;
    if (field == null || !field.active() || !field.visibleTo(actor)) {
      params.invalid(name, "no such field (GET /api/v1/ticket-fields)");
      return Optional.empty();
    }
    if (text == null || text.isEmpty() || text.indexOf('\u0000') >= 0) {
      params.invalid(name, "must name a value");
      return Optional.empty();
    }
    Object raw;
    try {
      raw =
          switch (field.type()) {
            case TEXT, LONG_TEXT, DATE -> text;
            case DROPDOWN, MULTI_SELECT -> text;
            case INTEGER -> new BigInteger(text);
            case DECIMAL -> new BigDecimal(text);
            case CHECKBOX ->
                switch (text) {
                  case "true" -> Boolean.TRUE;
                  case "false" -> Boolean.FALSE;
                  default -> text;
                };
          };
    } catch (NumberFormatException e) {
      raw = text;
    }
    // An option an admin removed still names the tickets that keep it: any text is a filter.
    if (field.type() == dev.triage.domain.ticket.FieldType.DROPDOWN) {
      return Optional.of(text);
    }
    if (field.type() == dev.triage.domain.ticket.FieldType.MULTI_SELECT) {
      return Optional.of(List.of(text));
    }
    Result<Object> value = field.value(raw);
    if (value instanceof Result.Ok<Object> ok) {
      return Optional.of(ok.value());
    }
    params.invalid(
        name, ((Result.Err<Object>) value).fieldErrors().values().iterator().next().getFirst());
    return Optional.empty();
  }
}
