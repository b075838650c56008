package dev.triage.application.identity.apitoken;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.validation.CodePoints;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An admin creates a named API token holding the given scopes, working until revoked or, when
 * {@code expiresAt} is given, until then (at most {@link #MAX_LIFETIME} ahead).
 */
public record CreateApiToken(
    @NotBlank(message = "is required")
        @CodePoints(
            max = CreateApiToken.MAX_NAME_LENGTH,
            message = "must be at most {max} characters")
        String name,
    @NotEmpty(message = "name at least one of tickets:read, tickets:write, admin")
        @Size(max = CreateApiToken.MAX_SCOPES, message = "at most {max} scopes")
        List<String> scopes,
    Instant expiresAt)
    implements Command<ApiTokenView> {

  /** How far ahead an expiry may be set, in days. */
  public static final int MAX_LIFETIME_DAYS = 365;

  /** How far ahead an expiry may be set. */
  public static final Duration MAX_LIFETIME = Duration.ofDays(MAX_LIFETIME_DAYS);

  /** The longest token name, in characters. */
  public static final int MAX_NAME_LENGTH = 100;

  /** There are three scopes (tickets:read, tickets:write, admin). */
  public static final int MAX_SCOPES = 3;

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
