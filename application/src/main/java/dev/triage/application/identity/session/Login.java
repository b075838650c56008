package dev.triage.application.identity.session;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;

/** Exchange an email and password for a session. */
public record Login(String email, String password) implements Command<Session> {

  @Override
  public Access requiredAccess() {
    return Access.PUBLIC;
  }

  @Override
  public String toString() {
    return "Login[email=" + email + "]";
  }
}
