package dev.triage.adapters.out.attachment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.triage.application.port.AttachmentStore;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A bucket out of reach, or one whose server answers with errors, is the port's {@link
 * AttachmentStore.Unavailable} (a 503), whatever asks.
 */
class S3AttachmentStoreTest {

  private static S3AttachmentStore unreachable() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort(); // closed again: nothing listens there
    }
    return at(port);
  }

  private static S3AttachmentStore at(int port) {
    return new S3AttachmentStore(
        new S3AttachmentStore.Settings(
            URI.create("http://127.0.0.1:" + port),
            "us-east-1",
            "bucket",
            "access",
            "secret",
            true,
            ""));
  }

  @Test
  void erasing_writing_and_reading_without_the_server_fail_as_unavailable() throws Exception {
    S3AttachmentStore store = unreachable();
    UUID id = UUID.randomUUID();

    assertThatThrownBy(() -> store.erase(List.of(id)).await().indefinitely())
        .isInstanceOf(AttachmentStore.Unavailable.class);
    assertThatThrownBy(() -> store.write(id, new ByteArrayInputStream(new byte[10])))
        .isInstanceOf(AttachmentStore.Unavailable.class);
    assertThatThrownBy(() -> store.read(id)).isInstanceOf(AttachmentStore.Unavailable.class);
  }

  @Test
  void a_server_that_answers_with_errors_is_unavailable_too() throws Exception {
    HttpServer failing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    failing.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] body =
              "<Error><Code>InternalError</Code><Message>down</Message></Error>"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(500, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    failing.start();
    try {
      S3AttachmentStore store = at(failing.getAddress().getPort());
      UUID id = UUID.randomUUID();

      assertThatThrownBy(() -> store.erase(List.of(id)).await().indefinitely())
          .isInstanceOf(AttachmentStore.Unavailable.class);
      assertThatThrownBy(() -> store.write(id, new ByteArrayInputStream(new byte[10])))
          .isInstanceOf(AttachmentStore.Unavailable.class);
      assertThatThrownBy(() -> store.read(id)).isInstanceOf(AttachmentStore.Unavailable.class);
    } finally {
      failing.stop(0);
    }
  }
}
