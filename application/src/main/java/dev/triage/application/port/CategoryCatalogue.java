package dev.triage.application.port;

import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * What ticket commands ask of the category catalogue: the entry a ticket's category names, found
 * without regard to case, read in the command's transaction.
 */
@FunctionalInterface
public interface CategoryCatalogue {

  /** The catalogue's entry named {@code name} in any case, active or not; empty when none is. */
  Uni<Optional<Categories.Stored>> named(String name);
}
