package dev.triage.application.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.application.port.IdempotencyStore;
import dev.triage.application.port.UnitOfWork;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.Caller;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class IdempotencyDecoratorTest {

  record OpenThing(@NotBlank(message = "is required") String title) implements Command<String> {}

  record Greet(String name) implements Command<String> {
    @Override
    public Access requiredAccess() {
      return Access.PUBLIC;
    }
  }

  record CountThings() implements Query<Integer> {}

  /**
   * An in-memory database: committed idempotency rows, and the rows each open transaction wrote. A
   * rolled-back transaction's rows vanish, as in PostgreSQL.
   */
  static final class FakeDatabase implements UnitOfWork, IdempotencyStore {

    record Row(Command<?> command, boolean completed, Object value) {}

    final Map<Scope, Row> committed = new HashMap<>();
    final Deque<Map<Scope, Row>> open = new ArrayDeque<>();
    int claims;

    @Override
    public <T> Uni<T> transactional(Supplier<Uni<T>> work) {
      return Uni.createFrom()
          .deferred(
              () -> {
                open.push(new HashMap<>());
                return work.get()
                    .onItem()
                    .invoke(() -> committed.putAll(open.pop()))
                    .onFailure()
                    .invoke(() -> open.pop());
              });
    }

    @Override
    public <T> Uni<T> readOnly(Supplier<Uni<T>> work) {
      return work.get();
    }

    @Override
    public Uni<Claim> claim(Scope scope, Command<?> command) {
      claims++;
      Map<Scope, Row> mine = Objects.requireNonNull(open.peek(), "claims run in a transaction");
      boolean heldByAnother = open.stream().anyMatch(tx -> tx != mine && tx.containsKey(scope));
      Row row = committed.get(scope);
      Claim claim;
      if (heldByAnother) {
        claim = new Claim.InFlight();
      } else if (row != null) {
        claim =
            row.command().equals(command) ? new Claim.Replay(row.value()) : new Claim.Mismatch();
      } else {
        mine.put(scope, new Row(command, false, null));
        claim = new Claim.Fresh();
      }
      return Uni.createFrom().item(claim);
    }

    @Override
    public Uni<Void> complete(Scope scope, Object value) {
      Map<Scope, Row> mine = Objects.requireNonNull(open.peek());
      Row row = Objects.requireNonNull(mine.get(scope), "completes what it claimed");
      mine.put(scope, new Row(row.command(), true, value));
      return Uni.createFrom().voidItem();
    }
  }

  final FakeDatabase db = new FakeDatabase();
  final AtomicInteger opened = new AtomicInteger();
  final List<String> handled = new ArrayList<>();
  final AtomicBoolean failedOnce = new AtomicBoolean();
  Supplier<Uni<Result<String>>> sideTrip = () -> Uni.createFrom().nullItem();

  final Caller alice = Caller.person(Actor.of(UserId.of(UUID.randomUUID()), Role.CUSTOMER));
  final Caller bob = Caller.person(Actor.of(UserId.of(UUID.randomUUID()), Role.CUSTOMER));

  final Bus bus =
      new Bus(
          new HandlerRegistry()
              .register(
                  OpenThing.class,
                  (cmd, ctx) -> {
                    handled.add(cmd.title());
                    if (cmd.title().equals("refuse me")) {
                      return Uni.createFrom()
                          .item(Result.<String>invalid("title", "is not acceptable"));
                    }
                    if (cmd.title().equals("flaky") && !failedOnce.getAndSet(true)) {
                      return Uni.createFrom().failure(new IllegalStateException("disk full"));
                    }
                    String answer = "thing #" + opened.incrementAndGet() + " " + cmd.title();
                    return sideTrip.get().map(ignored -> Result.ok(answer));
                  })
              .register(
                  Greet.class,
                  (cmd, ctx) -> Uni.createFrom().item(Result.ok("hello " + cmd.name())))
              .register(
                  CountThings.class, (q, ctx) -> Uni.createFrom().item(Result.ok(opened.get()))),
          List.of(
              new ValidationDecorator(Validation.buildDefaultValidatorFactory().getValidator()),
              new AuthorizationDecorator(),
              new TransactionDecorator(db),
              new IdempotencyDecorator(db)),
          List.of(new ReadSessionDecorator(db)));

  static RequestContext context(Caller caller, String operation, String key) {
    return new RequestContext(
        Optional.ofNullable(caller),
        "req-" + UUID.randomUUID(),
        "127.0.0.1",
        operation,
        Optional.ofNullable(key),
        new Effects());
  }

  <R> Result<R> send(Request<R> request, RequestContext context) {
    return bus.send(request, context).await().indefinitely();
  }

  @Test
  void a_command_without_a_key_runs_every_time_and_stores_nothing() {
    assertThat(send(new OpenThing("printer"), context(alice, "POST /things", null)))
        .isEqualTo(Result.ok("thing #1 printer"));
    assertThat(send(new OpenThing("printer"), context(alice, "POST /things", null)))
        .isEqualTo(Result.ok("thing #2 printer"));
    assertThat(db.claims).isZero();
    assertThat(db.committed).isEmpty();
  }

  @Test
  void the_first_command_with_a_key_runs_and_its_answer_is_stored_with_the_effect() {
    RequestContext first = context(alice, "POST /things", "k-1");

    assertThat(send(new OpenThing("printer"), first)).isEqualTo(Result.ok("thing #1 printer"));

    assertThat(first.effects().replayed()).isFalse();
    assertThat(db.committed.values())
        .containsExactly(new FakeDatabase.Row(new OpenThing("printer"), true, "thing #1 printer"));
    assertThat(db.committed.keySet())
        .containsExactly(
            new IdempotencyStore.Scope(
                alice.actor().id().value().toString(), "POST /things", "k-1"));
  }

  @Test
  void a_repeat_of_the_same_command_answers_the_stored_value_and_runs_nothing() {
    send(new OpenThing("printer"), context(alice, "POST /things", "k-1"));
    RequestContext repeat = context(alice, "POST /things", "k-1");

    Result<String> again = send(new OpenThing("printer"), repeat);

    assertThat(again).isEqualTo(Result.ok("thing #1 printer"));
    assertThat(repeat.effects().replayed()).isTrue();
    assertThat(repeat.effects().change()).isEmpty();
    assertThat(handled).containsExactly("printer");
    assertThat(opened).hasValue(1);
  }

  @Test
  void the_same_key_with_a_different_command_is_refused_and_changes_nothing() {
    send(new OpenThing("printer"), context(alice, "POST /things", "k-1"));
    RequestContext other = context(alice, "POST /things", "k-1");

    Result<String> refused = send(new OpenThing("scanner"), other);

    assertThat(refused).isInstanceOf(Result.Err.class);
    assertThat(((Result.Err<String>) refused).code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
    assertThat(other.effects().replayed()).isFalse();
    assertThat(handled).containsExactly("printer");
    assertThat(db.committed.values())
        .containsExactly(new FakeDatabase.Row(new OpenThing("printer"), true, "thing #1 printer"));
  }

  @Test
  void a_repeat_while_the_first_is_still_running_is_refused_as_in_flight() {
    List<Result<String>> whileRunning = new ArrayList<>();
    sideTrip =
        () -> {
          sideTrip = () -> Uni.createFrom().nullItem();
          return bus.send(new OpenThing("printer"), context(alice, "POST /things", "k-1"))
              .invoke(whileRunning::add)
              .replaceWithNull();
        };

    Result<String> first = send(new OpenThing("printer"), context(alice, "POST /things", "k-1"));

    assertThat(first).isEqualTo(Result.ok("thing #1 printer"));
    assertThat(whileRunning).hasSize(1);
    assertThat(((Result.Err<String>) whileRunning.get(0)).code())
        .isEqualTo(ErrorCode.IDEMPOTENCY_IN_FLIGHT);
    assertThat(handled).containsExactly("printer");
    assertThat(send(new OpenThing("printer"), context(alice, "POST /things", "k-1")))
        .isEqualTo(Result.ok("thing #1 printer"));
  }

  @Test
  void a_rejected_command_stores_nothing_so_a_corrected_retry_with_the_same_key_runs() {
    Result<String> refused =
        send(new OpenThing("refuse me"), context(alice, "POST /things", "k-1"));
    assertThat(((Result.Err<String>) refused).code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    assertThat(db.committed).isEmpty();

    Result<String> fixed = send(new OpenThing("printer"), context(alice, "POST /things", "k-1"));

    assertThat(fixed).isEqualTo(Result.ok("thing #1 printer"));
    assertThat(handled).containsExactly("refuse me", "printer");
  }

  @Test
  void a_fault_stores_nothing_so_the_retry_with_the_same_key_runs_again() {
    assertThatThrownBy(() -> send(new OpenThing("flaky"), context(alice, "POST /things", "k-1")))
        .hasMessage("disk full");
    assertThat(db.committed).isEmpty();

    Result<String> retried = send(new OpenThing("flaky"), context(alice, "POST /things", "k-1"));

    assertThat(retried).isEqualTo(Result.ok("thing #1 flaky"));
    assertThat(handled).containsExactly("flaky", "flaky");
  }

  @Test
  void requests_refused_by_validation_or_authorization_never_reach_the_store() {
    Result<String> invalid = send(new OpenThing(" "), context(alice, "POST /things", "k-1"));
    Result<String> anonymous = send(new OpenThing("printer"), context(null, "POST /things", "k-1"));

    assertThat(((Result.Err<String>) invalid).code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    assertThat(((Result.Err<String>) anonymous).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
    assertThat(db.claims).isZero();
    assertThat(send(new OpenThing("printer"), context(alice, "POST /things", "k-1")))
        .isEqualTo(Result.ok("thing #1 printer"));
  }

  @Test
  void the_same_key_from_another_caller_or_on_another_operation_is_independent() {
    send(new OpenThing("printer"), context(alice, "POST /things", "k-1"));

    Result<String> bobs = send(new OpenThing("printer"), context(bob, "POST /things", "k-1"));
    Result<String> elsewhere =
        send(new OpenThing("printer"), context(alice, "POST /other-things", "k-1"));

    assertThat(bobs).isEqualTo(Result.ok("thing #2 printer"));
    assertThat(elsewhere).isEqualTo(Result.ok("thing #3 printer"));
    assertThat(db.committed).hasSize(3);
  }

  @Test
  void public_commands_are_remembered_under_the_anonymous_caller() {
    send(new Greet("Ada"), context(null, "POST /greetings", "k-1"));
    RequestContext repeat = context(null, "POST /greetings", "k-1");

    assertThat(send(new Greet("Ada"), repeat)).isEqualTo(Result.ok("hello Ada"));

    assertThat(repeat.effects().replayed()).isTrue();
    assertThat(db.committed.keySet())
        .containsExactly(new IdempotencyStore.Scope("anonymous", "POST /greetings", "k-1"));
  }

  @Test
  void a_key_that_is_too_long_or_not_printable_ascii_is_malformed_and_runs_nothing() {
    for (String key : List.of("x".repeat(256), "clé-1", "tab\tkey")) {
      Result<String> refused = send(new OpenThing("printer"), context(alice, "POST /things", key));
      assertThat(((Result.Err<String>) refused).code())
          .as(key)
          .isEqualTo(ErrorCode.MALFORMED_REQUEST);
    }
    assertThat(handled).isEmpty();
    assertThat(send(new OpenThing("printer"), context(alice, "POST /things", "x".repeat(255))))
        .isEqualTo(Result.ok("thing #1 printer"));
  }

  @Test
  void queries_ignore_the_key() {
    assertThat(send(new CountThings(), context(alice, "GET /things", "k-1")))
        .isEqualTo(Result.ok(0));
    assertThat(db.claims).isZero();
  }
}
