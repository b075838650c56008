package dev.triage.application;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list and the position after its last item ({@code next}), empty on the last page.
 * The REST adapter turns the position into an opaque cursor.
 */
public record Page<T>(List<T> items, Optional<String> next) {
  public Page {
    items = List.copyOf(items);
  }
}
