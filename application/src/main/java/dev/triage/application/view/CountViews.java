package dev.triage.application.view;

import dev.triage.application.bus.Query;
import java.util.List;

/** How many tickets does each view the caller may open hold, as the caller would list them? */
public record CountViews() implements Query<List<CountViews.ViewCount>> {

  /**
   * One view's count.
   *
   * @param count the number of tickets the caller would list in the view, up to the cap
   * @param capped more tickets match than {@code count}: counting stopped at the cap
   * @param countedAt when the count was made (a cached count may be that old)
   * @param problem why the view cannot be counted (null, unless the list has grown stricter since
   *     the view was saved); {@code count} is then null
   */
  public record ViewCount(
      SavedView view, Long count, boolean capped, java.time.Instant countedAt, String problem) {}
}
