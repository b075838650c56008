package dev.triage.adapters.in.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Opaque page cursors: the position of the last item, base64url-encoded. */
public final class Cursors {

  private Cursors() {}

  public static String encode(String position) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(position.getBytes(StandardCharsets.UTF_8));
  }

  /** The position, or empty when there is no cursor or it is not one of ours. */
  public static Optional<String> decode(String cursor) {
    if (cursor == null || cursor.isEmpty() || cursor.length() > 512) {
      return Optional.empty();
    }
    try {
      return Optional.of(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
