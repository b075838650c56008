package dev.triage.domain.ticket;

import dev.triage.domain.shared.Result;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a ticket reached the desk: typed in by the customer on the web, or by staff from a phone call
 * or a chat, from an e-mail, or sent by another system through the API. Named on the wire in lower
 * case.
 */
public enum Channel {
  WEB,
  PHONE,
  CHAT,
  EMAIL,
  API;

  /** The channel's name on the wire: {@code web}, {@code phone}, ... */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The channel named {@code name} (any case); a rejection names {@code field}. */
  public static Result<Channel> parse(String name, String field) {
    if (name != null) {
      for (Channel c : values()) {
        if (c.jsonName().equalsIgnoreCase(name.strip())) {
          return Result.ok(c);
        }
      }
    }
    return Result.invalid(
        field,
        "must be one of "
            + Arrays.stream(values()).map(Channel::jsonName).collect(Collectors.joining(", ")));
  }
}
