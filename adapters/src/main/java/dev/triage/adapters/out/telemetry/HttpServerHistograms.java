package dev.triage.adapters.out.telemetry;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/**
 * Publishes {@code http_server_requests_seconds} as a histogram ({@code _bucket} series), so
 * Prometheus can compute p99 latency across replicas with {@code histogram_quantile}. The buckets
 * are fixed service-level boundaries rather than Micrometer's ~70 generated ones: 13 series per
 * route and status keep the scrape small, and the alert thresholds (250 ms p99, the 25 ms latency
 * bar) fall exactly on a boundary.
 */
@Singleton
public class HttpServerHistograms implements MeterFilter {

  static final String HTTP_SERVER_REQUESTS = "http.server.requests";

  static final List<Duration> BUCKETS =
      List.of(
          Duration.ofMillis(1),
          Duration.ofMillis(2).plusNanos(500_000),
          Duration.ofMillis(5),
          Duration.ofMillis(10),
          Duration.ofMillis(25),
          Duration.ofMillis(50),
          Duration.ofMillis(100),
          Duration.ofMillis(250),
          Duration.ofMillis(500),
          Duration.ofSeconds(1),
          Duration.ofMillis(2_500),
          Duration.ofSeconds(5),
          Duration.ofSeconds(10));

  @Override
  public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
    if (!HTTP_SERVER_REQUESTS.equals(id.getName())) {
      return config;
    }
    return DistributionStatisticConfig.builder()
        .percentilesHistogram(false)
        .serviceLevelObjectives(BUCKETS.stream().mapToDouble(d -> d.toNanos()).toArray())
        .build()
        .merge(config);
  }
}
