package dev.triage.adapters.out.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MicrometerBusMonitorTest {

  @Test
  void a_command_line_names_it_its_outcome_its_time_to_a_tenth_of_a_millisecond_and_its_request() {
    assertThat(
            MicrometerBusMonitor.line(
                "command", "CreateTicket", "ok", Duration.ofNanos(8_250_000), "r-1"))
        .isEqualTo("command CreateTicket -> ok in 8.3 ms [request r-1]");
    assertThat(
            MicrometerBusMonitor.line(
                "query", "ListTickets", "not_found", Duration.ofNanos(40_000), "r-2"))
        .isEqualTo("query ListTickets -> not_found in 0.0 ms [request r-2]");
    assertThat(MicrometerBusMonitor.line("command", "Edit", "ok", Duration.ofMillis(1234), "r-3"))
        .isEqualTo("command Edit -> ok in 1234.0 ms [request r-3]");
  }

  @Test
  void every_completion_is_timed_by_kind_name_and_outcome() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MicrometerBusMonitor monitor = new MicrometerBusMonitor(registry);
    monitor.completed("CreateTicket", "command", "ok", Duration.ofMillis(3), "r-1");
    monitor.completed("CreateTicket", "command", "ok", Duration.ofMillis(5), "r-2");
    assertThat(
            registry
                .get("triage.commands")
                .tag("command", "CreateTicket")
                .tag("outcome", "ok")
                .timer()
                .count())
        .isEqualTo(2);
  }
}
