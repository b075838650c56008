package dev.triage.application.view;

import dev.triage.application.bus.Query;

/** What is this view? Its owner's, or a shared one for staff; any other is not found. */
public record FindView(String viewId) implements Query<SavedView> {}
