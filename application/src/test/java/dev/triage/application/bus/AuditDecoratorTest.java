package dev.triage.application.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.application.audit.AuditEntry;
import dev.triage.application.port.AuditTrail;
import dev.triage.application.port.UnitOfWork;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.Caller;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AuditDecoratorTest {

  record Rename(String name) implements Command<String> {}

  record Register(String email) implements Command<String> {
    @Override
    public Access requiredAccess() {
      return Access.PUBLIC;
    }
  }

  record Named(String name) {}

  /** A database in miniature: rows written in a transaction become visible only on commit. */
  static final class FakeDatabase implements UnitOfWork, AuditTrail {
    final List<Object> pending = new ArrayList<>();
    final List<Object> committed = new ArrayList<>();
    boolean auditFails;

    @Override
    public <T> Uni<T> transactional(Supplier<Uni<T>> work) {
      return work.get()
          .onItem()
          .invoke(
              () -> {
                committed.addAll(pending);
                pending.clear();
              })
          .onFailure()
          .invoke(pending::clear);
    }

    @Override
    public <T> Uni<T> readOnly(Supplier<Uni<T>> work) {
      return work.get();
    }

    @Override
    public Uni<Void> append(AuditEntry entry) {
      if (auditFails) {
        return Uni.createFrom().failure(new IllegalStateException("audit table unreachable"));
      }
      pending.add(entry);
      return Uni.createFrom().voidItem();
    }

    List<AuditEntry> audit() {
      return committed.stream()
          .filter(AuditEntry.class::isInstance)
          .map(AuditEntry.class::cast)
          .toList();
    }
  }

  static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");

  final FakeDatabase database = new FakeDatabase();
  final Actor agent = Actor.of(UserId.of(UUID.randomUUID()), Role.AGENT);
  final RequestContext context = RequestContext.of(Caller.person(agent), "req-1", "203.0.113.7");

  Bus bus(HandlerRegistry registry) {
    List<Decorator> commands =
        List.of(
            new AuthorizationDecorator(),
            new TransactionDecorator(database),
            new AuditDecorator(database, Clock.fixed(NOW, ZoneOffset.UTC)));
    return new Bus(registry, commands, List.of());
  }

  Bus renaming(Handler<Rename, String> handler) {
    return bus(new HandlerRegistry().register(Rename.class, handler));
  }

  @Test
  void a_successful_command_commits_exactly_one_entry_describing_its_change() {
    Bus bus =
        renaming(
            (cmd, ctx) -> {
              database.pending.add("renamed");
              ctx.effects().changed("Thing", "t-1", new Named("Ada"), new Named(cmd.name()));
              return Uni.createFrom().item(Result.ok("renamed to " + cmd.name()));
            });

    Result<String> result = bus.send(new Rename("Bob"), context).await().indefinitely();

    assertThat(result).isEqualTo(Result.ok("renamed to Bob"));
    assertThat(database.committed).hasSize(2).contains("renamed");
    assertThat(database.audit())
        .containsExactly(
            new AuditEntry(
                NOW,
                Optional.of(agent),
                "Rename",
                "Thing",
                "t-1",
                Optional.of(new Named("Ada")),
                Optional.of(new Named("Bob")),
                "203.0.113.7",
                "req-1"));
  }

  @Test
  void a_rejection_writes_no_entry() {
    Bus bus =
        renaming(
            (cmd, ctx) -> {
              ctx.effects().changed("Thing", "t-1", null, new Named(cmd.name()));
              return Uni.createFrom().item(Result.<String>err(ErrorCode.CONFLICT, "name taken"));
            });

    Result<String> result = bus.send(new Rename("Bob"), context).await().indefinitely();

    assertThat(result).isEqualTo(Result.err(ErrorCode.CONFLICT, "name taken"));
    assertThat(database.committed).isEmpty();
  }

  @Test
  void a_request_refused_before_the_transaction_writes_no_entry() {
    Bus bus = renaming((cmd, ctx) -> Uni.createFrom().item(Result.ok("should not run: anonymous")));

    Result<String> result =
        bus.send(new Rename("Bob"), RequestContext.anonymous("req-2", "")).await().indefinitely();

    assertThat(result).isInstanceOf(Result.Err.class);
    assertThat(database.committed).isEmpty();
  }

  @Test
  void a_fault_writes_no_entry() {
    Bus bus =
        renaming(
            (cmd, ctx) -> {
              ctx.effects().changed("Thing", "t-1", null, new Named(cmd.name()));
              return Uni.createFrom().failure(new IllegalStateException("disk full"));
            });

    assertThatThrownBy(() -> bus.send(new Rename("Bob"), context).await().indefinitely())
        .hasMessage("disk full");
    assertThat(database.committed).isEmpty();
  }

  @Test
  void when_the_entry_cannot_be_written_the_effect_rolls_back_with_it() {
    database.auditFails = true;
    Bus bus =
        renaming(
            (cmd, ctx) -> {
              database.pending.add("renamed");
              ctx.effects().changed("Thing", "t-1", null, new Named(cmd.name()));
              return Uni.createFrom().item(Result.ok("renamed"));
            });

    assertThatThrownBy(() -> bus.send(new Rename("Bob"), context).await().indefinitely())
        .hasMessage("audit table unreachable");
    assertThat(database.committed).isEmpty();
  }

  @Test
  void a_replayed_idempotent_answer_writes_no_new_entry() {
    Decorator replaying =
        new Decorator() {
          @Override
          public <R> Uni<Result<R>> around(
              Request<R> request, RequestContext ctx, Supplier<Uni<Result<R>>> next) {
            ctx.effects().markReplayed();
            @SuppressWarnings("unchecked")
            Result<R> stored = (Result<R>) Result.ok("stored answer");
            return next.get().replaceWith(stored);
          }
        };
    Bus bus =
        new Bus(
            new HandlerRegistry()
                .register(Rename.class, (cmd, ctx) -> Uni.createFrom().item(Result.ok("fresh"))),
            List.of(
                new TransactionDecorator(database),
                replaying,
                new AuditDecorator(database, Clock.fixed(NOW, ZoneOffset.UTC))),
            List.of());

    Result<String> result = bus.send(new Rename("Bob"), context).await().indefinitely();

    assertThat(result).isEqualTo(Result.ok("stored answer"));
    assertThat(database.audit()).isEmpty();
  }

  @Test
  void a_command_that_recorded_no_change_is_still_audited_once_under_entity_none() {
    Bus bus = renaming((cmd, ctx) -> Uni.createFrom().item(Result.ok("nothing recorded")));

    bus.send(new Rename("Bob"), context).await().indefinitely();

    assertThat(database.audit())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.entityType()).isEqualTo(AuditEntry.NO_ENTITY);
              assertThat(e.entityId()).isEmpty();
              assertThat(e.before()).isEmpty();
              assertThat(e.after()).isEmpty();
              assertThat(e.action()).isEqualTo("Rename");
            });
  }

  @Test
  void an_anonymous_command_is_audited_as_the_account_it_acted_for() {
    Actor customer = Actor.of(UserId.of(UUID.randomUUID()), Role.CUSTOMER);
    Bus bus =
        bus(
            new HandlerRegistry()
                .register(
                    Register.class,
                    (cmd, ctx) -> {
                      ctx.effects().actedAs(customer);
                      ctx.effects()
                          .changed("User", customer.id().toString(), null, new Named(cmd.email()));
                      return Uni.createFrom().item(Result.ok("registered"));
                    }));

    bus.send(new Register("ann@example.com"), RequestContext.anonymous("req-3", "198.51.100.1"))
        .await()
        .indefinitely();

    assertThat(database.audit())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).contains(customer);
              assertThat(e.clientIp()).isEqualTo("198.51.100.1");
              assertThat(e.requestId()).isEqualTo("req-3");
            });
  }

  @Test
  void an_anonymous_command_that_names_no_account_is_audited_without_an_actor() {
    Bus bus =
        bus(
            new HandlerRegistry()
                .register(
                    Register.class,
                    (cmd, ctx) -> {
                      ctx.effects().changed("Session", "", null, null);
                      return Uni.createFrom().item(Result.ok("refused, but committed"));
                    }));

    bus.send(new Register("x"), RequestContext.anonymous("req-4", "")).await().indefinitely();

    assertThat(database.audit()).singleElement().satisfies(e -> assertThat(e.actor()).isEmpty());
  }

  @Test
  void the_system_actor_is_audited_like_anyone_else() {
    Bus bus =
        renaming(
            (cmd, ctx) -> {
              ctx.effects().changed("Thing", "t-1", null, new Named(cmd.name()));
              return Uni.createFrom().item(Result.ok("ok"));
            });

    bus.send(new Rename("Ops"), RequestContext.of(Caller.person(Actor.system()), "startup", ""))
        .await()
        .indefinitely();

    assertThat(database.audit())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).contains(Actor.system());
              assertThat(e.requestId()).isEqualTo("startup");
            });
  }
}
