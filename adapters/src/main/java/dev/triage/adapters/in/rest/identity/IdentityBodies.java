package dev.triage.adapters.in.rest.identity;

import dev.triage.application.identity.UserView;
import dev.triage.application.identity.apitoken.ApiTokenView;
import dev.triage.application.identity.apitoken.CreateApiToken;
import dev.triage.application.identity.session.Session;
import dev.triage.domain.user.DisplayName;
import dev.triage.domain.user.Email;
import dev.triage.domain.user.PasswordPolicy;
import dev.triage.domain.user.Role;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON bodies of the account endpoints (field names are part of the contract). */
final class IdentityBodies {

  private IdentityBodies() {}

  @Schema(name = "Register")
  record RegisterRequest(
      @Schema(required = true, maxLength = Email.MAX_LENGTH, examples = "ada@example.com")
          String email,
      @Schema(required = true, maxLength = DisplayName.MAX_LENGTH) String displayName,
      @Schema(
              required = true,
              minLength = PasswordPolicy.MIN_LENGTH,
              maxLength = PasswordPolicy.MAX_LENGTH)
          String password) {
    @Override
    public String toString() {
      return "RegisterRequest[email=" + email + "]";
    }
  }

  @Schema(name = "Login")
  record LoginRequest(
      @Schema(required = true) String email, @Schema(required = true) String password) {
    @Override
    public String toString() {
      return "LoginRequest[email=" + email + "]";
    }
  }

  @Schema(name = "ChangeOwnPassword")
  record ChangePasswordRequest(
      @Schema(required = true, description = "The password the account has now")
          String currentPassword,
      @Schema(
              required = true,
              minLength = PasswordPolicy.MIN_LENGTH,
              maxLength = PasswordPolicy.MAX_LENGTH,
              description = "Must not be a common or easily guessed password")
          String newPassword) {
    @Override
    public String toString() {
      return "ChangePasswordRequest[]";
    }
  }

  @Schema(name = "Refresh")
  record RefreshRequest(@Schema(required = true) String refreshToken) {
    @Override
    public String toString() {
      return "RefreshRequest[]";
    }
  }

  @Schema(name = "CreateUser")
  record CreateUserRequest(
      @Schema(required = true, maxLength = Email.MAX_LENGTH) String email,
      @Schema(required = true, maxLength = DisplayName.MAX_LENGTH) String displayName,
      @Schema(
              required = true,
              minLength = PasswordPolicy.MIN_LENGTH,
              maxLength = PasswordPolicy.MAX_LENGTH)
          String password,
      @Schema(required = true) Role role) {
    @Override
    public String toString() {
      return "CreateUserRequest[email=" + email + ", role=" + role + "]";
    }
  }

  @Schema(name = "UpdateUser", description = "Either field may be left out.")
  record UpdateUserRequest(
      Role role,
      Boolean active,
      @Schema(
              description =
                  "true: the agent sees only the tickets of their groups (not the tickets in no"
                      + " group); admins are never restricted. Ends no session.")
          Boolean restrictedToGroups) {}

  @Schema(name = "CreateApiToken")
  record CreateApiTokenRequest(
      @Schema(required = true, maxLength = CreateApiToken.MAX_NAME_LENGTH) String name,
      @Schema(required = true, examples = "[\"tickets:read\"]") List<String> scopes,
      @Schema(
              description =
                  "When the token stops working; in the future and at most "
                      + CreateApiToken.MAX_LIFETIME_DAYS
                      + " days ahead. Left out, the token works until revoked.",
              examples = "2027-01-31T00:00:00Z")
          Instant expiresAt) {}

  @Schema(name = "Session")
  record SessionResponse(
      String accessToken, String tokenType, long expiresIn, String refreshToken) {
    static SessionResponse of(Session s) {
      return new SessionResponse(s.accessToken(), "Bearer", s.expiresIn(), s.refreshToken());
    }

    @Override
    public String toString() {
      return "SessionResponse[expiresIn=" + expiresIn + "]";
    }
  }

  @Schema(name = "User")
  record UserResponse(
      UUID id,
      String email,
      String displayName,
      Role role,
      boolean active,
      @Schema(description = "Whether the agent sees only the tickets of their groups")
          boolean restrictedToGroups) {
    static UserResponse of(UserView v) {
      return new UserResponse(
          v.id().value(), v.email(), v.displayName(), v.role(), v.active(), v.restrictedToGroups());
    }
  }

  @Schema(name = "ApiToken")
  record ApiTokenResponse(
      UUID id,
      String name,
      List<String> scopes,
      UUID createdBy,
      Instant createdAt,
      @Schema(description = "When the token stops working; null: not before it is revoked.")
          Instant expiresAt,
      Instant revokedAt,
      @Schema(
              description =
                  "The token's latest use, noted at most once a minute (so up to a minute"
                      + " behind); null: never used.")
          Instant lastUsedAt,
      @Schema(description = "Only in the answer to the creation; never shown again.")
          String token) {
    static ApiTokenResponse of(ApiTokenView v) {
      return new ApiTokenResponse(
          v.id(),
          v.name(),
          v.scopes(),
          v.createdBy(),
          v.createdAt(),
          v.expiresAt().orElse(null),
          v.revokedAt().orElse(null),
          v.lastUsedAt().orElse(null),
          v.secret().orElse(null));
    }

    @Override
    public String toString() {
      return "ApiTokenResponse[id=" + id + ", name=" + name + "]";
    }
  }

  @Schema(name = "UserPage")
  record UserPage(List<UserResponse> items, String nextCursor) {}
}
