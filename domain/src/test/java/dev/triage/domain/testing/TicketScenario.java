package dev.triage.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import dev.triage.domain.ticket.TicketEvent;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Given a ticket (or a ticket and the commands that brought it here), when a command runs, then
 * expect these events and this state, or this refusal.
 */
public final class TicketScenario {

  private final Ticket given;

  private TicketScenario(Ticket given) {
    this.given = given;
  }

  public static TicketScenario given(Ticket ticket) {
    return new TicketScenario(ticket);
  }

  /** Applies a command that must succeed, as part of the history. */
  public TicketScenario and(Function<Ticket, Result<TicketChange>> command) {
    return new TicketScenario(command.apply(given).orElseThrow().ticket());
  }

  public Outcome when(Function<Ticket, Result<TicketChange>> command) {
    return new Outcome(given, command.apply(given));
  }

  /** What the command produced. */
  public static final class Outcome {
    private final Ticket before;
    private final Result<TicketChange> result;

    private Outcome(Ticket before, Result<TicketChange> result) {
      this.before = before;
      this.result = result;
    }

    /** The command succeeded with exactly these event types, in order. */
    @SafeVarargs
    public final Outcome thenEvents(Class<? extends TicketEvent>... types) {
      assertThat(result.isOk()).as("expected success but got %s", result).isTrue();
      TicketChange change = result.orElseThrow();
      assertThat(change.events().stream().map(e -> (Object) e.getClass()).toList())
          .containsExactly((Object[]) types);
      assertThat(change.ticket().version())
          .isEqualTo(before.version() + (types.length == 0 ? 0 : 1));
      return this;
    }

    /** The events themselves, for detailed checks. */
    public Outcome thenEventsSatisfy(Consumer<List<TicketEvent>> check) {
      check.accept(result.orElseThrow().events());
      return this;
    }

    /** The whole change: the ticket, its events and the comment it wrote. */
    public Outcome thenChange(Consumer<TicketChange> check) {
      check.accept(result.orElseThrow());
      return this;
    }

    public Outcome thenTicket(Consumer<Ticket> check) {
      check.accept(result.orElseThrow().ticket());
      return this;
    }

    /** The command was refused with {@code code}, the message containing every fragment. */
    public Outcome thenRefused(ErrorCode code, String... messageFragments) {
      assertThat(result).isInstanceOf(Result.Err.class);
      Result.Err<TicketChange> err = (Result.Err<TicketChange>) result;
      assertThat(err.code()).as(err.message()).isEqualTo(code);
      for (String fragment : messageFragments) {
        assertThat(err.message()).contains(fragment);
      }
      return this;
    }

    public Result<TicketChange> result() {
      return result;
    }
  }
}
