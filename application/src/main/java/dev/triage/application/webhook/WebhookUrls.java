package dev.triage.application.webhook;

import dev.triage.domain.shared.Result;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The shape of a webhook URL, checked before anything is resolved: absolute {@code http} or {@code
 * https} with a host name, no user name or password in it (credentials belong in the signature), no
 * fragment.
 */
public final class WebhookUrls {

  /** The longest webhook URL. */
  public static final int MAX_LENGTH = 2048;

  private WebhookUrls() {}

  static Result<URI> parse(String field, String text) {
    if (text == null || text.isBlank()) {
      return Result.invalid(field, "is required");
    }
    if (text.length() > MAX_LENGTH) {
      return Result.invalid(field, "must be at most " + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      return Result.invalid(field, "must be an absolute http or https URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
      return Result.invalid(field, "must be an absolute http or https URL");
    }
    if (uri.getRawUserInfo() != null) {
      return Result.invalid(field, "must not contain a user name or password");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return Result.invalid(field, "must name a host");
    }
    if (uri.getRawFragment() != null) {
      return Result.invalid(field, "must not have a fragment");
    }
    return Result.ok(uri);
  }
}
