package dev.triage.bootstrap.live;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fixes the HTTP server's socket send buffer at {@code triage.test.http-send-buffer} bytes when a
 * test profile sets it (no other test does). On loopback the kernel grows a connection's send
 * buffer to megabytes, so a client that stops reading would stop the service's writes only after
 * the kernel, not the heap, held the backlog; a small fixed buffer brings back-pressure to the
 * service after a few kilobytes, as a slow client far away does after its window.
 */
@ApplicationScoped
public class SendBufferForTests implements HttpServerOptionsCustomizer {

  @ConfigProperty(name = "triage.test.http-send-buffer")
  Optional<Integer> sendBuffer;

  @Override
  public void customizeHttpServer(HttpServerOptions options) {
    sendBuffer.ifPresent(options::setSendBufferSize);
  }
}
