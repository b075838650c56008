package dev.triage.application.ticket;

import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.TicketNumber;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.function.Function;

/** A ticket as callers name it, by its id or by its number: the one reading every lookup shares. */
public final class TicketKeys {

  private TicketKeys() {}

  /**
   * What {@code byId} or {@code byNumber} finds for {@code idOrNumber} (blanks around it ignored);
   * empty, without asking either, for text that is neither an id nor a number.
   */
  public static <T> Uni<Optional<T>> find(
      String idOrNumber,
      Function<TicketId, Uni<Optional<T>>> byId,
      Function<TicketNumber, Uni<Optional<T>>> byNumber) {
    String key = idOrNumber == null ? "" : idOrNumber.strip();
    if (TicketId.parse(key) instanceof Result.Ok<TicketId> id) {
      return byId.apply(id.value());
    }
    if (TicketNumber.parse(key) instanceof Result.Ok<TicketNumber> number) {
      return byNumber.apply(number.value());
    }
    return Uni.createFrom().item(Optional.empty());
  }
}
