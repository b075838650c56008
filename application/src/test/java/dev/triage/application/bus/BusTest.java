package dev.triage.application.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.application.port.BusMonitor;
import dev.triage.application.port.UnitOfWork;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.Caller;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class BusTest {

  record Rename(@NotBlank(message = "is required") @Size(max = 5, message = "too long") String name)
      implements Command<String> {}

  record WhoAmI() implements Query<String> {}

  /** A unit of work that records what was committed and what was rolled back. */
  static final class RecordingUnitOfWork implements UnitOfWork {
    final List<String> log = new ArrayList<>();
    final List<String> pending = new ArrayList<>();
    final List<String> committed = new ArrayList<>();

    @Override
    public <T> Uni<T> transactional(Supplier<Uni<T>> work) {
      log.add("begin");
      return work.get()
          .onItem()
          .invoke(
              () -> {
                committed.addAll(pending);
                pending.clear();
                log.add("commit");
              })
          .onFailure()
          .invoke(
              () -> {
                pending.clear();
                log.add("rollback");
              });
    }

    @Override
    public <T> Uni<T> readOnly(Supplier<Uni<T>> work) {
      log.add("session");
      return work.get();
    }
  }

  record Report(String name, String kind, String outcome) {}

  final List<Report> reports = new ArrayList<>();
  final BusMonitor monitor =
      (name, kind, outcome, duration, requestId) -> reports.add(new Report(name, kind, outcome));
  final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
  final RecordingUnitOfWork unitOfWork = new RecordingUnitOfWork();
  final RequestContext context =
      RequestContext.of(
          Caller.person(Actor.of(UserId.of(UUID.randomUUID()), Role.AGENT)), "req-1", "127.0.0.1");

  Bus bus(HandlerRegistry registry) {
    List<Decorator> commands =
        List.of(
            new LoggingDecorator(monitor),
            new ValidationDecorator(validator),
            new TransactionDecorator(unitOfWork));
    List<Decorator> queries =
        List.of(
            new LoggingDecorator(monitor),
            new ValidationDecorator(validator),
            new ReadSessionDecorator(unitOfWork));
    return new Bus(registry, commands, queries);
  }

  @Test
  void a_valid_command_runs_its_handler_in_a_committed_transaction() {
    Bus bus =
        bus(
            new HandlerRegistry()
                .register(
                    Rename.class,
                    (cmd, ctx) -> {
                      unitOfWork.pending.add(cmd.name());
                      return Uni.createFrom().item(Result.ok("renamed to " + cmd.name()));
                    }));

    Result<String> result = bus.send(new Rename("Ada"), context).await().indefinitely();

    assertThat(result).isEqualTo(Result.ok("renamed to Ada"));
    assertThat(unitOfWork.committed).containsExactly("Ada");
    assertThat(reports).containsExactly(new Report("Rename", "command", "ok"));
  }

  @Test
  void an_invalid_command_is_refused_per_field_before_any_transaction() {
    Bus bus =
        bus(
            new HandlerRegistry()
                .register(
                    Rename.class,
                    (cmd, ctx) -> {
                      throw new AssertionError("the handler must not run");
                    }));

    Result<String> result = bus.send(new Rename("  "), context).await().indefinitely();

    assertThat(result).isInstanceOf(Result.Err.class);
    Result.Err<String> err = (Result.Err<String>) result;
    assertThat(err.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    assertThat(err.fieldErrors()).containsEntry("name", List.of("is required"));
    assertThat(unitOfWork.log).isEmpty();
    assertThat(reports).containsExactly(new Report("Rename", "command", "validation_failed"));
  }

  @Test
  void a_rejection_rolls_back_what_the_handler_wrote_and_is_answered_as_is() {
    Bus bus =
        bus(
            new HandlerRegistry()
                .register(
                    Rename.class,
                    (cmd, ctx) -> {
                      unitOfWork.pending.add(cmd.name());
                      return Uni.createFrom()
                          .item(Result.<String>err(ErrorCode.CONFLICT, "name taken"));
                    }));

    Result<String> result = bus.send(new Rename("Bob"), context).await().indefinitely();

    assertThat(result).isEqualTo(Result.err(ErrorCode.CONFLICT, "name taken"));
    assertThat(unitOfWork.committed).isEmpty();
    assertThat(unitOfWork.log).containsExactly("begin", "rollback");
    assertThat(reports).containsExactly(new Report("Rename", "command", "conflict"));
  }

  @Test
  void a_fault_rolls_back_and_is_reported_as_a_fault() {
    Bus bus =
        bus(
            new HandlerRegistry()
                .register(
                    Rename.class,
                    (cmd, ctx) -> {
                      unitOfWork.pending.add(cmd.name());
                      return Uni.createFrom().failure(new IllegalStateException("disk full"));
                    }));

    assertThatThrownBy(() -> bus.send(new Rename("Cy"), context).await().indefinitely())
        .hasMessage("disk full");
    assertThat(unitOfWork.committed).isEmpty();
    assertThat(reports).containsExactly(new Report("Rename", "command", "fault"));
  }

  @Test
  void a_query_gets_a_session_but_no_transaction_and_sees_the_caller() {
    Bus bus =
        bus(
            new HandlerRegistry()
                .register(
                    WhoAmI.class,
                    (q, ctx) -> Uni.createFrom().item(Result.ok(ctx.actor().role().name()))));

    Result<String> result = bus.send(new WhoAmI(), context).await().indefinitely();

    assertThat(result).isEqualTo(Result.ok("AGENT"));
    assertThat(unitOfWork.log).containsExactly("session");
    assertThat(reports).containsExactly(new Report("WhoAmI", "query", "ok"));
  }

  @Test
  void a_request_without_a_handler_is_a_fault_not_a_rejection() {
    Bus bus = bus(new HandlerRegistry());
    assertThatThrownBy(() -> bus.send(new WhoAmI(), context))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No handler");
  }

  @Test
  void a_request_type_cannot_be_registered_twice() {
    HandlerRegistry registry =
        new HandlerRegistry()
            .register(WhoAmI.class, (q, ctx) -> Uni.createFrom().item(Result.ok("a")));
    assertThatThrownBy(
            () ->
                registry.register(WhoAmI.class, (q, ctx) -> Uni.createFrom().item(Result.ok("b"))))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void durations_are_measured() {
    List<Duration> durations = new ArrayList<>();
    BusMonitor timing = (n, k, o, duration, r) -> durations.add(duration);
    Bus bus =
        new Bus(
            new HandlerRegistry()
                .register(WhoAmI.class, (q, ctx) -> Uni.createFrom().item(Result.ok("x"))),
            List.of(),
            List.of(new LoggingDecorator(timing)));
    bus.send(new WhoAmI(), context).await().indefinitely();
    assertThat(durations).singleElement().satisfies(d -> assertThat(d).isPositive());
  }
}
