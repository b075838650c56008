import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What an Idempotency-Key costs on POST /api/v1/tickets, measured side by side in one run: the
 * same create without a key, with a new key each time (claim + stored answer in the transaction),
 * and the replay of one key (no handler runs). Closed loop: {@code concurrency} clients each send
 * their share one after the other. The modes alternate in rounds so that drift hits them alike.
 *
 * <p>Usage: {@code java IdempotencyCost.java <base url> <bearer token> <requests per round>
 * <concurrency> <rounds> <out dir>}
 */
public class IdempotencyCost {

  static final String BODY =
      "{\"title\":\"Bench ticket\",\"description\":\"Load from src/bench.\",\"priority\":\"LOW\"}";

  public static void main(String[] args) throws Exception {
    URI tickets = URI.create(args[0] + "/api/v1/tickets");
    String token = args[1];
    int requests = Integer.parseInt(args[2]);
    int concurrency = Integer.parseInt(args[3]);
    int rounds = Integer.parseInt(args[4]);
    Path out = Path.of(args[5]);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(2))
            .build();
    String replayKey = UUID.randomUUID().toString();

    Map<String, List<Long>> latencies = new LinkedHashMap<>();
    Map<String, Long> nanos = new LinkedHashMap<>();
    Map<String, Integer> failures = new LinkedHashMap<>();
    String[] modes = {"no key", "new key", "replay"};
    // Warm-up: every path, unmeasured.
    for (String mode : modes) {
      run(http, tickets, token, mode, replayKey, Math.max(requests / 2, 50), concurrency);
    }
    for (int round = 0; round < rounds; round++) {
      for (String mode : modes) {
        Run r = run(http, tickets, token, mode, replayKey, requests, concurrency);
        latencies.computeIfAbsent(mode, m -> new ArrayList<>()).addAll(r.latencies);
        nanos.merge(mode, r.elapsedNanos, Long::sum);
        failures.merge(mode, r.failures, Integer::sum);
      }
    }

    StringBuilder raw = new StringBuilder();
    double baseRate = 0;
    for (String mode : modes) {
      long[] sorted = latencies.get(mode).stream().mapToLong(Long::longValue).sorted().toArray();
      double rate = sorted.length / (nanos.get(mode) / 1e9);
      if (mode.equals("no key")) {
        baseRate = rate;
      }
      String line =
          String.format(
              "create ticket, %-7s: %7.1f req/s  p50=%5.1f ms  p95=%5.1f ms  p99=%5.1f ms"
                  + "  ratio to no key=%.2f  failures=%d  (n=%d, c=%d)",
              mode,
              rate,
              ms(sorted, 0.50),
              ms(sorted, 0.95),
              ms(sorted, 0.99),
              rate / baseRate,
              failures.get(mode),
              sorted.length,
              concurrency);
      System.out.println(line);
      raw.append(line).append('\n');
      raw.append(mode).append(" latencies ns: ").append(Arrays.toString(sorted)).append('\n');
    }
    try {
      Files.createDirectories(out);
      Files.writeString(out.resolve("idempotency-cost.txt"), raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.exit(0);
  }

  record Run(List<Long> latencies, long elapsedNanos, int failures) {}

  static Run run(
      HttpClient http,
      URI tickets,
      String token,
      String mode,
      String replayKey,
      int requests,
      int concurrency)
      throws Exception {
    AtomicInteger left = new AtomicInteger(requests);
    AtomicInteger failures = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(concurrency);
    List<Future<List<Long>>> parts = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < concurrency; c++) {
      parts.add(
          clients.submit(
              () -> {
                List<Long> mine = new ArrayList<>();
                while (left.getAndDecrement() > 0) {
                  HttpRequest.Builder request =
                      HttpRequest.newBuilder(tickets)
                          .header("Authorization", "Bearer " + token)
                          .header("Content-Type", "application/json")
                          .POST(HttpRequest.BodyPublishers.ofString(BODY));
                  switch (mode) {
                    case "new key" ->
                        request.header("Idempotency-Key", UUID.randomUUID().toString());
                    case "replay" -> request.header("Idempotency-Key", replayKey);
                    default -> {}
                  }
                  long t0 = System.nanoTime();
                  HttpResponse<String> response =
                      http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                  mine.add(System.nanoTime() - t0);
                  if (response.statusCode() != 201) {
                    failures.incrementAndGet();
                  }
                }
                return mine;
              }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> part : parts) {
      all.addAll(part.get());
    }
    long elapsed = System.nanoTime() - start;
    clients.shutdown();
    return new Run(all, elapsed, failures.get());
  }

  static double ms(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
  }
}
