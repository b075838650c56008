package dev.triage.application.view;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;

/** The owner of a personal view, or an admin for a shared one, deletes it. */
public record DeleteView(String viewId) implements Command<SavedView> {

  @Override
  public Access requiredAccess() {
    return Access.AUTHENTICATED;
  }
}
