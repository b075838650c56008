package dev.triage.application.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelinesTest {

  private final Pipelines.Parts parts =
      new Pipelines.Parts(null, null, null, () -> {}, null, null, Clock.systemUTC());

  @Test
  void a_command_is_authorized_then_validated_before_its_transaction() {
    assertThat(classes(Pipelines.commands(parts)))
        .containsExactly(
            LoggingDecorator.class,
            AuthorizationDecorator.class,
            ValidationDecorator.class,
            TransactionDecorator.class,
            IdempotencyDecorator.class,
            AuditDecorator.class);
  }

  @Test
  void a_query_is_authorized_then_validated_then_read_in_a_read_session() {
    assertThat(classes(Pipelines.queries(parts)))
        .containsExactly(
            LoggingDecorator.class,
            AuthorizationDecorator.class,
            ValidationDecorator.class,
            ReadSessionDecorator.class);
  }

  private static List<Class<?>> classes(List<Decorator> chain) {
    return chain.stream().<Class<?>>map(Object::getClass).toList();
  }
}
