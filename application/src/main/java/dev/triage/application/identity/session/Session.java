package dev.triage.application.identity.session;

/** What a login or refresh hands out: a short-lived access token and a one-use refresh token. */
public record Session(String accessToken, long expiresIn, String refreshToken) {
  @Override
  public String toString() {
    return "Session[expiresIn=" + expiresIn + "]";
  }
}
