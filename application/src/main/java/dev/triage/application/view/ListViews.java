package dev.triage.application.view;

import dev.triage.application.bus.Query;
import java.util.List;

/** Which views may the caller open? Their own and, for staff, the shared ones. */
public record ListViews() implements Query<List<SavedView>> {}
