package dev.triage.application;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a list and the position after its last item ({@code next}), empty on the last page.
 * The REST adapter turns the position into an opaque cursor.
 */
public record Page<T>(List<T> items, Optional<String> next) {
  public Page {
    items = List.copyOf(items);
  }

  /**
   * The page of {@code rows}, read with one row more than {@code limit}: that extra row says that
   * another page follows, which starts after the last row shown, at its {@code position}.
   */
  public static <T> Page<T> of(List<T> rows, int limit, Function<? super T, String> position) {
    if (rows.size() <= limit) {
      return new Page<>(rows, Optional.empty());
    }
    List<T> shown = rows.subList(0, limit);
    return new Page<>(shown, Optional.of(position.apply(shown.getLast())));
  }

  /** This page with every item turned by {@code f}, and the same next position. */
  public <U> Page<U> map(Function<? super T, ? extends U> f) {
    return new Page<>(items.stream().<U>map(f).toList(), next);
  }
}
